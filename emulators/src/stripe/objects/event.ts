import type { StripeObject } from "./common.js";

/** The API version the emulator's object shapes follow (the one stripe-node 23 pins). */
export const API_VERSION = "2026-10-28.endive";

export interface StripeEvent extends StripeObject {
  object: "event";
  created: number;
  type: string;
  pending_webhooks: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  request: { id: string | null; idempotency_key: string | null };
  livemode: boolean;
  /** Present only on events of connected accounts, as in Stripe. */
  account?: string;
}

export function buildEvent(init: {
  id: string;
  created: number;
  type: string;
  object: StripeObject;
  previousAttributes: Record<string, unknown> | null;
  request: { id: string | null; idempotency_key: string | null };
  account: string | null;
  livemode: boolean;
}): StripeEvent {
  return {
    id: init.id,
    object: "event",
    ...(init.account ? { account: init.account } : {}),
    api_version: API_VERSION,
    created: init.created,
    data: {
      object: structuredClone(init.object),
      ...(init.previousAttributes ? { previous_attributes: init.previousAttributes } : {}),
    },
    livemode: init.livemode,
    pending_webhooks: 0,
    request: init.request,
    type: init.type,
  };
}
