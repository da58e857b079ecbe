import type { StripeObject } from "./common.js";

export interface PortalSession extends StripeObject {
  object: "billing_portal.session";
  /** The `billing_portal.configuration` whose features the page offers. */
  configuration: string;
  created: number;
  customer: string;
  return_url: string | null;
  url: string;
}

export function buildPortalSession(init: {
  id: string;
  configuration: string;
  created: number;
  customer: string;
  locale: string | null;
  returnUrl: string | null;
  url: string;
  livemode: boolean;
}): PortalSession {
  return {
    id: init.id,
    object: "billing_portal.session",
    configuration: init.configuration,
    created: init.created,
    customer: init.customer,
    flow: null,
    livemode: init.livemode,
    locale: init.locale,
    on_behalf_of: null,
    return_url: init.returnUrl,
    url: init.url,
    customer_account: null,
  };
}
