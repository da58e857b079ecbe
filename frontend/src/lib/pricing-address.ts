/**
 * Where a developer's hosted pricing page lives. The address names the
 * platform, not a key, so it survives key rotation: `/p/<platformId>` is the
 * live page and `/p/<platformId>/test` the test page. Links shared before
 * that named a publishable key (`/p/pk_live_…`, `/p/pk_test_…`); the page
 * looks the platform up once and replaces the address with the stable one,
 * in the key's mode.
 */
export type PricingMode = "live" | "test";

export interface PricingAddress {
  platformId: string;
  mode: PricingMode;
}

/** What a `/p/…` path names: a platform's page, an old link by publishable key, or nothing we serve. */
export type PricingPath = ({ kind: "platform" } & PricingAddress) | { kind: "legacy"; publishableKey: string; mode: PricingMode } | null;

const LEGACY_KEY = /^pk_(live|test)_/;

/** The mode a publishable key belongs to, or null when it is not one. */
export function modeOfPublishableKey(key: string): PricingMode | null {
  const match = LEGACY_KEY.exec(key);
  return match ? (match[1] as PricingMode) : null;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Reads a pathname such as `/p/plt_…`, `/p/plt_…/test` or `/p/pk_test_…` (a trailing slash allowed). */
export function parsePricingPath(pathname: string): PricingPath {
  const match = /^\/p\/([^/]+)(\/test)?\/?$/.exec(pathname);
  if (!match) return null;
  const id = decode(match[1]!);
  if (!id || id.trim() !== id) return null;
  const keyMode = modeOfPublishableKey(id);
  if (keyMode) return match[2] ? null : { kind: "legacy", publishableKey: id, mode: keyMode };
  return { kind: "platform", platformId: id, mode: match[2] ? "test" : "live" };
}

/** The page's path: `/p/<platformId>` in live mode, `/p/<platformId>/test` in test mode. */
export function pricingPath({ platformId, mode }: PricingAddress): string {
  const base = `/p/${encodeURIComponent(platformId)}`;
  return mode === "test" ? `${base}/test` : base;
}

/** Where an old `/p/<publishableKey>` link goes, once the key's platform is known; the query (`?checkout=success`, `?buy=`) follows. */
export function legacyRedirectPath(publishableKey: string, platformId: string, search = ""): string {
  const mode = modeOfPublishableKey(publishableKey) ?? "live";
  return `${pricingPath({ platformId, mode })}${search && !search.startsWith("?") ? `?${search}` : search}`;
}

/** What the page asks for after a sign-in or sign-up round trip: join this developer's organization, then maybe buy a tier. */
export interface PricingIntent {
  join: boolean;
  buy: string | null;
}

export const JOIN_PARAM = "join";
export const BUY_PARAM = "buy";

/** The address to come back to after signing in or up, carrying the intent. */
export function pricingReturnPath(address: PricingAddress, intent: PricingIntent): string {
  const params = new URLSearchParams();
  if (intent.join) params.set(JOIN_PARAM, "1");
  if (intent.buy) params.set(BUY_PARAM, intent.buy);
  const query = params.toString();
  return `${pricingPath(address)}${query ? `?${query}` : ""}`;
}

/** The intent in a query string, and the query without it (what the address bar should keep). */
export function takeIntent(search: string): { intent: PricingIntent; rest: string } {
  const params = new URLSearchParams(search);
  const intent: PricingIntent = { join: params.get(JOIN_PARAM) === "1", buy: params.get(BUY_PARAM) || null };
  params.delete(JOIN_PARAM);
  params.delete(BUY_PARAM);
  const rest = params.toString();
  return { intent, rest: rest ? `?${rest}` : "" };
}
