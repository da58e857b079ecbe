/**
 * Stripe's webhook signature scheme: `Stripe-Signature: t={unix},v1={hex}`
 * where v1 = HMAC-SHA256 keyed with the whole `whsec_…` secret over
 * `{t}.{raw body}`. Receivers verify it with stripe-node's
 * `webhooks.constructEvent(Async)`, so this must match byte for byte.
 */
import { createHmac } from "node:crypto";

export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
