/**
 * oauth-api's part of the reliability helpers (test/reliability/*.test.ts):
 * sending templates through its app and row snapshots. The hostile values,
 * bodies, headers, the oracle, Stripe signatures and `rotating` are the
 * three workers' shared ones, re-exported from
 * @dream-api/emulators/testing/arbitraries (REPLAY lives there too).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { countTableRows, snapshotDeveloperRows, templateSender } from "@dream-api/emulators/testing/arbitraries";
import { createApp } from "../../src/app";

export * from "@dream-api/emulators/testing/arbitraries";

const app = createApp();

/** Sends a template through oauth-api's app with the real bindings. */
export const send = templateSender({ fetch: (request, bindings, ctx) => app.fetch(request, bindings, ctx), env, createExecutionContext, waitOnExecutionContext, origin: "http://oauth.test" });

/**
 * Every row a developer owns: the platform's tenant tables (full rows, so an
 * UPDATE shows too) and the developer's metered usage.
 */
export function developerRows(developerId: string, platformId: string): Promise<Record<string, unknown[]>> {
  return snapshotDeveloperRows(env.DB, developerId, platformId);
}

/** Row counts of the tables oauth-api writes (a rejected callback names no developer we could scope by). */
export function globalCounts(): Promise<Record<string, number>> {
  return countTableRows(env.DB, ["platforms", "stripe_accounts", "tiers", "oauth_states"]);
}
