/**
 * Shared object typing. Builders emit every field of the matching resource in
 * Stripe's fixtures (shared/reference/stripe-fixtures3.json) so code written
 * against the emulator reads the same fields it will read from Stripe; only
 * the fields the emulator's logic touches are typed, the rest pass through.
 */
import type { Metadata } from "../params.js";

export type { Metadata };

export interface StripeObject {
  id: string;
  object: string;
  [field: string]: unknown;
}

export interface ListObject<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export function listOf<T>(data: T[], url: string, hasMore = false): ListObject<T> {
  return { object: "list", data, has_more: hasMore, url };
}
