/**
 * What front-auth-api answers, as zod schemas: the response half of its
 * OpenAPI document. Strict, so the contract test (test/openapi.test.ts)
 * fails when a route answers a field the document does not describe, or
 * leaves out one it promises.
 */
import { errorModel, isoDateTime } from "@dream-api/shared/openapi";
import { z } from "zod";

const nullableDateTime = isoDateTime.nullable();

export const usageSchema = z
  .strictObject({
    count: z.number().int().min(0).meta({ description: "Metered calls counted this month." }),
    limit: z.number().int().nullable().meta({ description: "The plan's monthly allowance (free 5, paid 500 by default)." }),
    remaining: z.number().int().min(0).nullable(),
    plan: z.string().meta({ description: "free or paid.", example: "free" }),
    periodStart: isoDateTime.meta({ description: "Start of the UTC calendar month (inclusive)." }),
    periodEnd: isoDateTime.meta({ description: "End of the month (exclusive)." }),
  })
  .meta({
    id: "PlatformUsage",
    description: "The developer's metered calls (POST /verify-auth) this month.",
    example: { count: 3, limit: 5, remaining: 2, plan: "free", periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" },
  });

export const keySchema = z
  .strictObject({
    keyId: z.string().meta({ example: "key_8dJ2kQ4mN8rT1vW3yZ5b" }),
    mode: z.enum(["test", "live"]),
    publishableKey: z.string().meta({ example: "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b" }),
    secretPrefix: z.string().meta({ description: "What may be shown of the secret: its mode and 4 characters.", example: "sk_test_AbCd…" }),
    createdAt: isoDateTime,
    expiresAt: nullableDateTime.meta({ description: "End of a rotated-out key's grace period; null for a current key." }),
    secretKey: z.string().optional().meta({ description: "The secret itself: only in the response that created it. Store it now; it is never shown again." }),
  })
  .meta({ id: "KeyPair", description: "A key pair of the developer's platform." });

export const credentialsSchema = z
  .strictObject({ platformId: z.string().meta({ example: "plt_8dJ2kQ4mN8rT1vW3yZ5b" }), keys: z.array(keySchema).meta({ description: "The working keys, newest first." }) })
  .meta({ id: "Credentials", description: "The developer's platform and its working keys." });

export const meSchema = z
  .strictObject({
    developerId: z.string().meta({ description: "The developer's Clerk user id.", example: "user_2abc" }),
    platformId: z.string(),
    plan: z.enum(["free", "paid"]),
    usage: usageSchema,
    credentials: credentialsSchema.nullable().meta({ description: "null before POST /credentials; secrets as prefixes only." }),
    stripe: z.strictObject({ connected: z.boolean(), accountId: z.string().nullable(), livemode: z.boolean().nullable() }),
    subscription: z
      .strictObject({ status: z.string(), cancelAtPeriodEnd: z.boolean(), currentPeriodEnd: nullableDateTime, canceledAt: nullableDateTime })
      .nullable()
      .meta({ description: "The $15/month subscription, as Stripe last told us." }),
  })
  .meta({ id: "Me", description: "Everything the dashboard needs about the signed-in developer." });

export const settingsSchema = z
  .strictObject({
    mode: z.enum(["test", "live"]).meta({ description: "Which mode these settings apply to: each mode has its own." }),
    allowedOrigins: z
      .array(z.string())
      .meta({ description: "Exact origins Checkout and the billing portal may send end-users back to, in this mode, whoever calls.", example: ["https://app.example"] }),
    allowLocalhost: z.boolean().meta({ description: "Test mode only: http://localhost:<port> and http://127.0.0.1:<port> are allowed too. Always false in live mode." }),
    defaultSuccessUrl: z.string().nullable().meta({ description: "Where Checkout returns after payment when the call names no successUrl.", example: "https://app.example/thanks" }),
    defaultCancelUrl: z.string().nullable().meta({ description: "Where Checkout returns when the end-user cancels, when the call names no cancelUrl." }),
    defaultReturnUrl: z.string().nullable().meta({ description: "Where the billing portal returns, when the call names no returnUrl." }),
    displayName: z.string().nullable().meta({ description: "Brand: the name on the hosted pricing page and Checkout (null: your Stripe account's name).", example: "Acme AI" }),
    logoUrl: z.string().nullable().meta({ description: "Brand: the logo on the hosted pricing page and Checkout.", example: "https://app.example/logo.png" }),
    accentColor: z.string().nullable().meta({ description: "Brand: buttons and highlights, `#RRGGBB`.", example: "#4f46e5" }),
    supportEmail: z.string().nullable().meta({ description: 'Brand: shown on the hosted pricing page as "Questions? <email>".', example: "support@app.example" }),
    usageAlertThresholds: z.array(z.number()).meta({
      description: "Fractions of the tier limit at which usage.threshold_reached is sent (once per end-user and period), ascending; [] = no usage alerts.",
      example: [0.8, 1],
    }),
    updatedAt: nullableDateTime.meta({ description: "When these settings were last saved; null if never." }),
  })
  .meta({ id: "Settings", description: "The developer's settings for one mode." });

export const responses = {
  me: meSchema,
  settings: z.strictObject({ settings: settingsSchema }).meta({ id: "SettingsResponse" }),
  verifyAuth: z
    .strictObject({ developerId: z.string(), plan: z.enum(["free", "paid"]), usage: usageSchema })
    .meta({ id: "MeteredCall", description: "The metered call's result: the usage after it." }),
  credentials: credentialsSchema,
  checkout: z
    .strictObject({
      id: z.string().meta({ example: "cs_test_a1B2" }),
      url: z.string().meta({ description: "Where to send the developer to pay.", example: "https://checkout.stripe.com/c/pay/cs_test_a1B2" }),
    })
    .meta({ id: "CheckoutSession" }),
  portal: z.strictObject({ url: z.string().meta({ example: "https://billing.stripe.com/p/session/test_YWNj" }) }).meta({ id: "PortalSession" }),
} as const;

export const errorSchema = errorModel({
  usage: usageSchema.optional().meta({ description: "On 403 platform_limit_reached: the usage that refused the call." }),
  upgrade: z
    .strictObject({ plan: z.literal("paid"), price: z.string(), limit: z.number().int(), checkout: z.string() })
    .optional()
    .meta({ description: "On 403 platform_limit_reached of a free developer: what the paid plan gives and where to get it." }),
  portalUrl: z.string().nullable().optional().meta({ description: "On 409 already_subscribed: a billing-portal session (null when Stripe could not make one; call POST /portal)." }),
});
