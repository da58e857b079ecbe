import { listOf, type StripeObject } from "./common.js";

export interface Account extends StripeObject {
  object: "account";
  created: number;
  email: string | null;
  business_profile: { name: string | null; [field: string]: unknown };
}

const NO_REQUIREMENTS = {
  alternatives: [],
  current_deadline: null,
  currently_due: [],
  disabled_reason: null,
  errors: [],
  eventually_due: [],
  past_due: [],
  pending_verification: [],
};

/** A fully onboarded Standard account: what a developer connects through OAuth. */
export function buildAccount(init: { id: string; created: number; name: string | null; email: string | null }): Account {
  return {
    id: init.id,
    object: "account",
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      name: init.name,
      product_description: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
      minority_owned_business_designation: null,
    },
    business_type: null,
    capabilities: { card_payments: "active", transfers: "active" },
    charges_enabled: true,
    controller: { type: "account" },
    country: "US",
    created: init.created,
    default_currency: "usd",
    details_submitted: true,
    email: init.email,
    external_accounts: listOf([], `/v1/accounts/${init.id}/external_accounts`),
    future_requirements: NO_REQUIREMENTS,
    metadata: {},
    payouts_enabled: true,
    requirements: NO_REQUIREMENTS,
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: { decline_on: { avs_failure: false, cvc_failure: false }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: init.name, timezone: "Etc/UTC" },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: null },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: "daily" }, statement_descriptor: null },
      sepa_debit_payments: {},
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: "standard",
  };
}
