import { resourceMissing } from "../errors.js";
import type { Collection, ObjectOf, Store, Scope } from "../store.js";

/** The noun Stripe uses in "No such …" messages. */
const NOUNS: Record<Collection, string> = {
  customers: "customer",
  products: "product",
  prices: "price",
  checkout_sessions: "checkout.session",
  subscriptions: "subscription",
  invoices: "invoice",
  payment_intents: "payment_intent",
  portal_sessions: "billing_portal.session",
  portal_configurations: "configuration",
  webhook_endpoints: "webhook endpoint",
  events: "event",
};

/**
 * The object or Stripe's resource_missing error: 404 for an id from the URL,
 * 400 naming `param` for an id passed as a parameter.
 */
export function mustGet<C extends Collection>(store: Store, scope: Scope, collection: C, id: string, param?: string): ObjectOf<C> {
  const object = store.get(scope, collection, id);
  if (!object) throw resourceMissing(NOUNS[collection], id, param);
  return object;
}
