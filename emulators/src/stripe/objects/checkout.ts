import type { Price } from "./catalog.js";
import type { Metadata, StripeObject } from "./common.js";

export type CheckoutMode = "payment" | "subscription";

export interface CustomerDetails {
  address: null;
  email: string;
  name: string | null;
  phone: null;
  tax_exempt: "none";
  tax_ids: [];
  business_name: null;
  individual_name: null;
}

/** An image of the branding: stripe-node's `Session.BrandingSettings.Logo` / `Icon` (the emulator has no Files API, so `url` only). */
export interface BrandingImage {
  type: "url";
  url: string;
}

/** stripe-node's `Checkout.Session.BrandingSettings`: on a session created with `branding_settings`, every field filled in. */
export interface BrandingSettings {
  background_color: string;
  border_style: "pill" | "rectangular" | "rounded";
  button_color: string;
  display_name: string;
  font_family: string;
  icon: BrandingImage | null;
  logo: BrandingImage | null;
}

export interface CheckoutSession extends StripeObject {
  object: "checkout.session";
  created: number;
  mode: CheckoutMode;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  url: string | null;
  success_url: string | null;
  cancel_url: string | null;
  client_reference_id: string | null;
  customer: string | null;
  customer_email: string | null;
  customer_creation: "always" | "if_required" | null;
  customer_details: CustomerDetails | null;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  expires_at: number;
  metadata: Metadata;
  subscription: string | null;
  invoice: string | null;
  payment_intent: string | null;
  /** Only on sessions created with `branding_settings` (optional in stripe-node's type, absent from the fixtures). */
  branding_settings?: BrandingSettings;
}

/** What the session keeps for later: not part of Stripe's session object. */
export interface CheckoutExtras {
  lineItems: CheckoutItem[];
  subscriptionMetadata: Metadata;
  paymentIntentMetadata: Metadata;
}

export interface CheckoutItem extends StripeObject {
  object: "item";
  price: Price;
  quantity: number;
  description: string;
  amount_total: number;
}

export function buildCheckoutItem(id: string, price: Price, quantity: number, description: string): CheckoutItem {
  const amount = price.unit_amount * quantity;
  return {
    id,
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description,
    metadata: {},
    price,
    quantity,
  };
}

export interface CheckoutSessionInit {
  id: string;
  created: number;
  expiresAt: number;
  mode: CheckoutMode;
  url: string;
  successUrl: string | null;
  cancelUrl: string | null;
  clientReferenceId: string | null;
  customer: string | null;
  customerEmail: string | null;
  customerCreation: "always" | "if_required" | null;
  currency: string;
  amount: number;
  metadata: Metadata;
  allowPromotionCodes: boolean | null;
  livemode: boolean;
  brandingSettings: BrandingSettings | undefined;
}

export function buildCheckoutSession(init: CheckoutSessionInit): CheckoutSession {
  return {
    id: init.id,
    object: "checkout.session",
    after_expiration: null,
    allow_promotion_codes: init.allowPromotionCodes,
    amount_subtotal: init.amount,
    amount_total: init.amount,
    automatic_tax: { enabled: false, liability: null, status: null, provider: null },
    billing_address_collection: null,
    cancel_url: init.cancelUrl,
    client_reference_id: init.clientReferenceId,
    client_secret: null,
    consent: null,
    consent_collection: null,
    created: init.created,
    currency: init.currency,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: init.customer,
    customer_creation: init.customerCreation,
    customer_details: null,
    customer_email: init.customerEmail,
    expires_at: init.expiresAt,
    invoice: null,
    invoice_creation:
      init.mode === "payment"
        ? {
            enabled: false,
            invoice_data: {
              account_tax_ids: null,
              custom_fields: null,
              description: null,
              footer: null,
              issuer: null,
              metadata: {},
              rendering_options: null,
            },
          }
        : null,
    livemode: init.livemode,
    locale: null,
    metadata: init.metadata,
    mode: init.mode,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: init.mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_status: "unpaid",
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: init.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: init.url,
    adaptive_pricing: { enabled: false },
    discounts: [],
    collected_information: null,
    permissions: null,
    wallet_options: null,
    origin_context: null,
    currency_conversion: null,
    customer_account: null,
    integration_identifier: null,
    managed_payments: { enabled: false },
    ...(init.brandingSettings ? { branding_settings: init.brandingSettings } : {}),
  };
}

export function buildCustomerDetails(email: string, name: string | null): CustomerDetails {
  return {
    address: null,
    email,
    name,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
    business_name: null,
    individual_name: null,
  };
}
