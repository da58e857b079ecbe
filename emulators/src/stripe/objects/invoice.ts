import { listOf, type ListObject, type Metadata, type StripeObject } from "./common.js";
import type { SubscriptionItem } from "./subscription.js";

export type BillingReason = "subscription_create" | "subscription_cycle";

export interface InvoiceLine extends StripeObject {
  object: "line_item";
  amount: number;
  period: { start: number; end: number };
}

export interface Invoice extends StripeObject {
  object: "invoice";
  created: number;
  customer: string;
  subscription: string;
  status: "open" | "paid";
  total: number;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  attempt_count: number;
  billing_reason: BillingReason;
  lines: ListObject<InvoiceLine>;
}

export interface InvoiceInit {
  id: string;
  number: string;
  created: number;
  customer: { id: string; email: string | null; name: string | null };
  accountName: string | null;
  subscription: { id: string; metadata: Metadata };
  items: SubscriptionItem[];
  billingReason: BillingReason;
  /** Service period the lines bill for. */
  linePeriod: { start: number; end: number };
  /** Stripe's invoice period is the one just ended (or a point in time for the first invoice). */
  invoicePeriod: { start: number; end: number };
  paid: boolean;
  lineId: () => string;
  /** Stripe's line text, e.g. "1 × Pro (at $15.00 / month)". */
  describe: (item: SubscriptionItem) => string;
  livemode: boolean;
}

function buildLine(init: InvoiceInit, invoiceId: string, item: SubscriptionItem): InvoiceLine {
  const amount = item.price.unit_amount * item.quantity;
  return {
    id: init.lineId(),
    object: "line_item",
    amount,
    currency: item.price.currency,
    description: init.describe(item),
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: init.livemode,
    metadata: {},
    period: init.linePeriod,
    quantity: item.quantity,
    subscription: init.subscription.id,
    pretax_credit_amounts: [],
    taxes: [],
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: init.subscription.id,
        subscription_item: item.id,
      },
      type: "subscription_item_details",
    },
    pricing: {
      price_details: { price: item.price.id, product: item.price.product },
      type: "price_details",
      unit_amount_decimal: String(item.price.unit_amount),
    },
    subtotal: amount,
    quantity_decimal: String(item.quantity),
  };
}

export function buildInvoice(init: InvoiceInit): Invoice {
  const lines = init.items.map((item) => buildLine(init, init.id, item));
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const currency = init.items[0]?.price.currency ?? "usd";
  return {
    id: init.id,
    object: "invoice",
    account_country: "US",
    account_name: init.accountName,
    account_tax_ids: null,
    amount_due: total,
    amount_paid: init.paid ? total : 0,
    amount_remaining: init.paid ? 0 : total,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: !init.paid,
    automatic_tax: { enabled: false, liability: null, status: null, disabled_reason: null, provider: null },
    billing_reason: init.billingReason,
    collection_method: "charge_automatically",
    created: init.created,
    currency,
    custom_fields: null,
    customer: init.customer.id,
    customer_address: null,
    customer_email: init.customer.email,
    customer_name: init.customer.name,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: init.created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: listOf(lines, `/v1/invoices/${init.id}/lines`),
    livemode: init.livemode,
    metadata: {},
    next_payment_attempt: init.paid ? null : init.created + 3 * 86_400,
    number: init.number,
    on_behalf_of: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: init.invoicePeriod.end,
    period_start: init.invoicePeriod.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: init.paid ? "paid" : "open",
    status_transitions: {
      finalized_at: init.created,
      marked_uncollectible_at: null,
      paid_at: init.paid ? init.created : null,
      voided_at: null,
    },
    subscription: init.subscription.id,
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    webhooks_delivered_at: null,
    automatically_finalizes_at: null,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    amount_overpaid: 0,
    parent: {
      quote_details: null,
      subscription_details: { metadata: init.subscription.metadata, subscription: init.subscription.id },
      type: "subscription_details",
    },
    customer_account: null,
  };
}
