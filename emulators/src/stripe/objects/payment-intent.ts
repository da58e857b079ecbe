import { randomToken } from "../ids.js";
import type { Metadata, StripeObject } from "./common.js";

export interface PaymentIntent extends StripeObject {
  object: "payment_intent";
  amount: number;
  currency: string;
  customer: string | null;
  status: "succeeded";
  metadata: Metadata;
}

export interface PaymentIntentInit {
  id: string;
  created: number;
  amount: number;
  currency: string;
  customer: string | null;
  receiptEmail: string | null;
  metadata: Metadata;
  livemode: boolean;
}

/** Only ever built already paid: the hosted checkout page is the only way to pay. */
export function buildPaymentIntent(init: PaymentIntentInit): PaymentIntent {
  return {
    id: init.id,
    object: "payment_intent",
    amount: init.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: init.amount,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${init.id}_secret_${randomToken(25)}`,
    confirmation_method: "automatic",
    created: init.created,
    currency: init.currency,
    customer: init.customer,
    description: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: init.livemode,
    metadata: init.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    processing: null,
    receipt_email: init.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
    source: null,
    excluded_payment_method_types: null,
    customer_account: null,
    managed_payments: { enabled: false },
  };
}
