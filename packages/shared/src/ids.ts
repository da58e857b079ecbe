/**
 * Prefixed identifiers and API keys. Every id in the system comes from here
 * so the prefixes (`plt_`, `pk_live_`, `sk_test_`, `evt_`…) stay consistent.
 * Randomness is crypto.getRandomValues with rejection sampling, so each
 * base62 character is uniform (no modulo bias).
 */
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(Math.min(65_536, (length - out.length) * 2)));
    for (const byte of bytes) {
      // 248 = 62 * 4: bytes at or above it would bias the first characters.
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export type KeyMode = "live" | "test";

/**
 * Whose data a query may touch: a platform in one mode. Authentication
 * produces it (a key's mode, or the mode a developer session names) and every
 * query of tenant data filters by both parts — never by request data.
 */
export interface Tenant {
  platformId: string;
  mode: KeyMode;
}

/**
 * The hosted pricing page of a tenant, relative to the dashboard's origin:
 * `/p/<platformId>` (live) or `/p/<platformId>/test`. The platform id never
 * changes, so the address survives key rotation.
 */
export function pricingPagePath(tenant: Tenant): string {
  return `/p/${tenant.platformId}${tenant.mode === "test" ? "/test" : ""}`;
}

/** The mode of a Stripe object or event (`livemode`). */
export function modeOfLivemode(livemode: boolean): KeyMode {
  return livemode ? "live" : "test";
}

export const ID_PREFIXES = {
  platform: "plt_",
  apiKey: "key_",
  request: "req_",
  customer: "cus_",
  webhookEndpoint: "we_",
} as const;

export function newId(kind: keyof typeof ID_PREFIXES, length = 20): string {
  return ID_PREFIXES[kind] + randomBase62(length);
}

export function newPlatformId(): string {
  return newId("platform", 20);
}

export function newPublishableKey(mode: KeyMode): string {
  return `pk_${mode}_${randomBase62(28)}`;
}

export function newSecretKey(mode: KeyMode): string {
  return `sk_${mode}_${randomBase62(40)}`;
}

export const SECRET_KEY_PATTERN = /^sk_(live|test)_[0-9A-Za-z]{32,128}$/;
export const PUBLISHABLE_KEY_PATTERN = /^pk_(live|test)_[0-9A-Za-z]{24,128}$/;
export const PLATFORM_ID_PATTERN = /^plt_[0-9A-Za-z]{16,64}$/;

/** The mode a key was issued for, read from its prefix. */
export function keyMode(key: string): KeyMode | null {
  const match = /^[ps]k_(live|test)_/.exec(key);
  return match ? (match[1] as KeyMode) : null;
}
