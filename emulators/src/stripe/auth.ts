/**
 * API key and `Stripe-Account` resolution. A request acts on exactly one
 * account: the one named by `Stripe-Account`, else the one an OAuth access
 * token belongs to, else the platform. Accounts that are unknown or were
 * deauthorized refuse access (403), as Stripe does.
 *
 * It also acts in exactly one mode, the key's: `sk_live_…` is live mode,
 * `sk_test_…` test mode, and an OAuth access token is in the mode it was
 * issued in. `Stripe-Account` never changes the mode.
 */
import { accountInaccessible, authenticationFailed } from "./errors.js";
import type { Scope, Store } from "./store.js";

export interface AuthConfig {
  /**
   * The platform's secret keys, the only ones accepted (besides OAuth access
   * tokens), as Stripe accepts only keys it issued: a wrong or stale key in a
   * worker's configuration fails locally as it would in production.
   */
  secretKeys: readonly string[];
}

const NO_KEY_MESSAGE =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

/** Reads the key from `Bearer <key>` or `Basic base64(<key>:)`. */
export function apiKeyFrom(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, credentials] = authorization.trim().split(/\s+/, 2);
  if (!credentials) return undefined;
  if (scheme?.toLowerCase() === "bearer") return credentials;
  if (scheme?.toLowerCase() === "basic") {
    return Buffer.from(credentials, "base64").toString("utf8").split(":")[0] || undefined;
  }
  return undefined;
}

/** How Stripe echoes a key in errors: prefix, stars, last four. */
export function redactKey(key: string): string {
  const prefix = /^[a-z]+_(test|live)_/.exec(key)?.[0] ?? "";
  return `${prefix}${"*".repeat(Math.max(4, key.length - prefix.length - 4))}${key.slice(-4)}`;
}

/** The mode a secret key is for: live for `sk_live_…` (and `rk_live_…`), test otherwise. */
export function keyIsLive(key: string): boolean {
  return /^[a-z]+_live_/.test(key);
}

/** Validates the key; returns the account a key alone acts on, in the key's mode. */
export function authenticate(store: Store, config: AuthConfig, key: string | undefined): Scope {
  if (!key) throw authenticationFailed(NO_KEY_MESSAGE);
  const token = store.state.accessTokens[key];
  if (token) {
    if (token.revoked) throw authenticationFailed(`Expired API Key provided: ${redactKey(key)}. Application access may have been revoked.`);
    return { account: token.account, livemode: token.livemode ?? false };
  }
  if (!config.secretKeys.includes(key)) throw authenticationFailed(`Invalid API Key provided: ${redactKey(key)}`);
  return { account: store.platformAccountId, livemode: keyIsLive(key) };
}

/** Applies the `Stripe-Account` header on top of the key's own account; the mode stays the key's. */
export function resolveAccount(store: Store, key: string, keyScope: Scope, header: string | undefined): Scope {
  const requested = header?.trim();
  if (!requested || requested === keyScope.account) return keyScope;
  const platformKey = keyScope.account === store.platformAccountId;
  const record = store.account(requested);
  if (!platformKey || !record?.connected) throw accountInaccessible(redactKey(key), requested);
  return { account: requested, livemode: keyScope.livemode };
}
