/**
 * Test mode and live mode are two worlds, as in Stripe: the dashboard shows
 * one at a time, and the URL says which (`?mode=test|live`), so a link shows
 * the same world to whoever opens it. The URL is the one source of truth;
 * the last mode of this tab is remembered only to land back in it after a
 * redirect we do not write (Stripe Checkout, Stripe Connect), and a missing
 * or invalid mode falls back to live for a paid developer, test otherwise.
 */
import type { Tier } from "../api/models";

export const DASHBOARD_MODES = ["test", "live"] as const;
export type DashboardMode = (typeof DASHBOARD_MODES)[number];

/** The search parameter that carries the mode. */
export const MODE_PARAM = "mode";

/** The sessionStorage key of this tab's last mode. */
export const REMEMBERED_MODE_KEY = "dream.dashboard.mode";

/** The mode a URL value names, or null when it names none. */
export function parseMode(value: string | null | undefined): DashboardMode | null {
  return value === "test" || value === "live" ? value : null;
}

/** Where a developer lands without a mode: live once they can use it (paid plan), test before. */
export function defaultMode(plan: "free" | "paid"): DashboardMode {
  return plan === "paid" ? "live" : "test";
}

/**
 * The mode to show: the URL's when valid, else this tab's last one (back
 * from Stripe), else the plan's default; null while none of them is known
 * yet (the account is still loading).
 */
export function resolveMode(input: { param: string | null | undefined; remembered: string | null | undefined; plan: "free" | "paid" | undefined }): DashboardMode | null {
  return parseMode(input.param) ?? parseMode(input.remembered) ?? (input.plan ? defaultMode(input.plan) : null);
}

/** `to` (a path with any query and hash) with its mode set to `mode`, other parameters kept. */
export function withMode(to: string, mode: DashboardMode): string {
  const url = new URL(to, "http://dashboard.invalid");
  url.searchParams.set(MODE_PARAM, mode);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Where the mode switch goes: the same page in the other world, with only
 * the mode in the query (one-time notices such as `?checkout=success` do not
 * follow). A customer lives in one mode only, so a customer's page goes to
 * the list of customers.
 */
export function switchModePath(pathname: string, mode: DashboardMode): string {
  const page = /^\/dashboard\/customers\/[^/]+\/?$/.test(pathname) ? "/dashboard/customers" : pathname;
  return withMode(page, mode);
}

/** This tab's last mode, if the browser lets us read it. */
export function rememberedMode(storage: Pick<Storage, "getItem"> | undefined): DashboardMode | null {
  try {
    return parseMode(storage?.getItem(REMEMBERED_MODE_KEY));
  } catch {
    return null;
  }
}

/** Remembers this tab's mode; storage may be unavailable (private windows), and then only the URL carries it. */
export function rememberMode(storage: Pick<Storage, "setItem"> | undefined, mode: DashboardMode): void {
  try {
    storage?.setItem(REMEMBERED_MODE_KEY, mode);
  } catch {
    // Nothing to do: the URL still carries the mode.
  }
}

/** The sentence every live action shows while live mode is not available. */
export const LIVE_MODE_REQUIREMENT = "Live mode needs the paid plan ($15/month) and a connected Stripe account.";

/** What a developer still lacks for live mode: the paid plan, a connected Stripe account, or nothing. */
export function liveModeMissing(account: { plan: "free" | "paid"; stripe: { connected: boolean } }): { plan: boolean; stripe: boolean; any: boolean } {
  const plan = account.plan !== "paid";
  const stripe = !account.stripe.connected;
  return { plan, stripe, any: plan || stripe };
}

/**
 * The test tiers "Copy test tiers to live" would copy: the active ones with
 * no live tier of the same name (archived live tiers keep their name).
 */
export function tiersToCopy(testTiers: readonly Pick<Tier, "name" | "archived">[], liveTiers: readonly Pick<Tier, "name">[]): string[] {
  const live = new Set(liveTiers.map((tier) => tier.name));
  return testTiers.filter((tier) => !tier.archived && !live.has(tier.name)).map((tier) => tier.name);
}
