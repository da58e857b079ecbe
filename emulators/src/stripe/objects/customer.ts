import { randomToken } from "../ids.js";
import type { Metadata, StripeObject } from "./common.js";

export interface Customer extends StripeObject {
  object: "customer";
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Metadata;
  invoice_prefix: string;
  next_invoice_sequence: number;
}

export type CustomerInit = Pick<Customer, "id" | "created" | "email" | "name" | "description" | "phone" | "metadata" | "livemode">;

export function buildCustomer(init: CustomerInit): Customer {
  return {
    id: init.id,
    object: "customer",
    address: null,
    balance: 0,
    created: init.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: init.description,
    discount: null,
    email: init.email,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: init.livemode,
    metadata: init.metadata,
    name: init.name,
    next_invoice_sequence: 1,
    phone: init.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}
