/**
 * api-multi's part of the reliability helpers (test/reliability/*.test.ts):
 * sending templates through its app, tenant row snapshots and plausible
 * end-user ids. The hostile values, bodies, headers, the oracle and Stripe
 * signatures are the three workers' shared ones, re-exported from
 * @dream-api/emulators/testing/arbitraries (REPLAY lives there too).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { countTableRows, snapshotPlatformRows, templateSender } from "@dream-api/emulators/testing/arbitraries";
import fc from "fast-check";
import { createApp } from "../../src/app";

export * from "@dream-api/emulators/testing/arbitraries";

const app = createApp();

/** Sends a template through api-multi's app with the real bindings. */
export const send = templateSender({ fetch: (request, bindings, ctx) => app.fetch(request, bindings, ctx), env, createExecutionContext, waitOnExecutionContext, origin: "http://api.test" });

const TENANT_TABLES = ["platforms", "api_keys", "stripe_accounts", "tiers", "end_users", "usage_counts", "usage_daily", "subscriptions", "purchases", "events", "oauth_states"];

/** Every tenant table's rows of one platform (full rows, not only counts, so updates show too). */
export function tenantRows(platformId: string): Promise<Record<string, unknown[]>> {
  return snapshotPlatformRows(env.DB, TENANT_TABLES, platformId);
}

/** Rows of every table (for the webhook, whose rejected events would carry no platform). */
export function globalCounts(): Promise<Record<string, number>> {
  return countTableRows(env.DB, ["platforms", "api_keys", "stripe_accounts", "tiers", "end_users", "usage_counts", "subscriptions", "purchases", "events"]);
}

/** End-user ids as the API accepts them. */
export const plausibleUserId: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:@+-]{0,24}$/);
