/**
 * Prepaid credits in the dashboard: the Grant credits form's checks (the
 * API's limits, so most mistakes show before a round trip), the
 * Idempotency-Key a submission keeps across retries, and the words the
 * customer page, the tier list and the pricing table use for credits.
 */
import type { CreditGrant, CreditMovement, CreditMovementInput, PublicTier } from "../api/models";
import { formatNumber } from "./format";

/** The API's limits: a movement is a non-zero whole number within ±10,000,000, with a reason of 1–200 characters. */
export const MAX_CREDIT_MOVEMENT = 10_000_000;
export const MAX_CREDIT_REASON = 200;
/** A credit pack grants 1–10,000,000 credits, valid 1–3650 days (or forever). */
export const MAX_TIER_CREDITS = 10_000_000;
export const MAX_CREDIT_VALIDITY_DAYS = 3650;

export interface GrantForm {
  amount: string;
  reason: string;
  /** `YYYY-MM-DD` from a date input, or "" for credits that never expire. */
  expiresOn: string;
}

export const EMPTY_GRANT_FORM: GrantForm = { amount: "", reason: "", expiresOn: "" };

export type GrantFormErrors = Partial<Record<keyof GrantForm, string>>;

/** "1,000 credits", "1 credit". */
export function creditsLabel(count: number): string {
  return `${formatNumber(count)} credit${Math.abs(count) === 1 ? "" : "s"}`;
}

/**
 * The form as the API takes it, or the messages to show next to its fields.
 * An expiry date means the credits stop counting at 00:00 UTC that day, so
 * it has to be after today (UTC); a deduction has none.
 */
export function validateGrantForm(form: GrantForm, now: Date = new Date()): { input?: CreditMovementInput; errors: GrantFormErrors } {
  const errors: GrantFormErrors = {};
  const amountText = form.amount.trim().replace(/,/g, "");
  const amount = Number(amountText);
  if (!/^[-+]?\d+$/.test(amountText)) errors.amount = "Enter a whole number of credits: positive to grant, negative to deduct.";
  else if (amount === 0) errors.amount = "Enter a number other than 0.";
  else if (Math.abs(amount) > MAX_CREDIT_MOVEMENT) errors.amount = `At most ${formatNumber(MAX_CREDIT_MOVEMENT)} credits at a time, either way.`;
  const reason = form.reason.trim();
  if (!reason) errors.reason = "Say why: the customer's credit history shows it.";
  else if (reason.length > MAX_CREDIT_REASON) errors.reason = `At most ${MAX_CREDIT_REASON} characters (${reason.length} now).`;
  let expiresAt: string | undefined;
  if (form.expiresOn.trim()) {
    const day = form.expiresOn.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) errors.expiresOn = "Pick a date, or leave empty for credits that never expire.";
    else if (amount < 0) errors.expiresOn = "A deduction has no expiry: it takes from the credits that expire first. Leave this empty.";
    else if (day <= now.toISOString().slice(0, 10)) errors.expiresOn = "Pick a date after today (UTC).";
    else expiresAt = new Date(`${day}T00:00:00Z`).toISOString();
  }
  if (Object.keys(errors).length) return { errors };
  return { errors, input: { amount, reason, ...(expiresAt ? { expiresAt } : {}) } };
}

/** A fresh Idempotency-Key for one submission of the Grant credits form. */
export function newIdempotencyKey(): string {
  return `dash_${crypto.randomUUID()}`;
}

/**
 * Sends the Grant credits form's submissions so that one grant is made once:
 * a submission keeps its Idempotency-Key until it succeeds, so a retry after
 * a failure (or an unknown outcome, like a dropped connection) sends the
 * same key and the API answers the first result instead of granting again;
 * a second click while one is in flight gets that same request's answer.
 * Changed values are a new submission with a new key.
 */
export function grantSubmitter(send: (input: CreditMovementInput, idempotencyKey: string) => Promise<CreditMovement>, newKey: () => string = newIdempotencyKey) {
  let pending: { body: string; key: string } | null = null;
  let inFlight: { body: string; result: Promise<CreditMovement> } | null = null;
  return (input: CreditMovementInput): Promise<CreditMovement> => {
    const body = JSON.stringify([input.amount, input.reason, input.expiresAt ?? null]);
    if (inFlight && inFlight.body === body) return inFlight.result;
    if (!pending || pending.body !== body) pending = { body, key: newKey() };
    const { key } = pending;
    const result = send(input, key).then((movement) => {
      if (pending?.key === key) pending = null;
      return movement;
    });
    const mine = { body, result };
    inFlight = mine;
    const settle = () => {
      if (inFlight === mine) inFlight = null;
    };
    result.then(settle, settle);
    return result;
  };
}

/** "+500", "-200": a movement's amount with its sign. */
export function formatCreditAmount(amount: number): string {
  return new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" }).format(amount);
}

export const CREDIT_SOURCE_LABELS: Record<CreditGrant["source"], string> = {
  purchase: "Purchase",
  api: "API",
  dashboard: "Dashboard",
  plan: "Plan",
};

/** "+ 1,000 credits" beside a usage figure, or null with none. */
export function usageCreditsLabel(credits: number): string | null {
  return credits > 0 ? `+ ${creditsLabel(credits)}` : null;
}

/** "valid 30 days", or null for credits that never expire. */
export function validityLabel(days: number | null): string | null {
  return days === null ? null : `valid ${formatNumber(days)} day${days === 1 ? "" : "s"}`;
}

/** What a credit pack adds, for the pricing table ("+1,000 credits", "valid 30 days"); null for a tier that grants none. */
export function creditPackLabels(tier: Pick<PublicTier, "kind" | "credits" | "creditValidityDays">): { adds: string; validity: string | null } | null {
  if (tier.kind !== "one_off" || !tier.credits) return null;
  return { adds: `+${creditsLabel(tier.credits)}`, validity: validityLabel(tier.creditValidityDays) };
}

/** The tier list's line for a credit pack: "Adds 1,000 credits, valid 30 days"; null for a tier that grants none. */
export function creditPackSummary(tier: Pick<PublicTier, "kind" | "credits" | "creditValidityDays">): string | null {
  const labels = creditPackLabels(tier);
  if (!labels) return null;
  return `Adds ${creditsLabel(tier.credits!)}${labels.validity ? `, ${labels.validity}` : ""}`;
}
