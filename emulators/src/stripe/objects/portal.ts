import type { StripeObject } from "./common.js";

export interface PortalSession extends StripeObject {
  object: "billing_portal.session";
  created: number;
  customer: string;
  return_url: string | null;
  url: string;
}

export function buildPortalSession(init: { id: string; created: number; customer: string; returnUrl: string | null; url: string; livemode: boolean }): PortalSession {
  return {
    id: init.id,
    object: "billing_portal.session",
    configuration: "bpc_local_default",
    created: init.created,
    customer: init.customer,
    flow: null,
    livemode: init.livemode,
    locale: null,
    on_behalf_of: null,
    return_url: init.returnUrl,
    url: init.url,
    customer_account: null,
  };
}
