/** oauth-api test harness: real developer sessions, requests through the worker's app with the real bindings. */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { countTableRows, snapshotDeveloperRows } from "@dream-api/testkit/arbitraries";
import { answerConnect, createDeveloper, harnessClock, mintToken, setClerkPlan, type Developer } from "@dream-api/testkit/in-worker";
import type { CallOptions as WorkerCallOptions, CallResult } from "@dream-api/testkit/worker-caller";
import { bindWorker } from "@dream-api/testkit/worker-harness";
import { createApp } from "../src/app";

export * from "@dream-api/testkit/in-worker";
/** oauth-api's operations, as the shared suites read them. */
export { OPERATIONS as operations } from "../src/routes";

export type CallOptions = WorkerCallOptions<Env>;
export type { CallResult };

/** `client(clock)`: a caller bound to a new app on that clock; `call`: one on the harness clock; `send`: request templates for the property suites. */
export const { client, call, send } = bindWorker({ createApp, env, createExecutionContext, waitOnExecutionContext, origin: "http://oauth.test", clock: harnessClock });

/** Every row a developer owns: the platform's tenant tables (full rows, so an UPDATE shows too) and the developer's metered usage. */
export function developerRows(developerId: string, platformId: string): Promise<Record<string, unknown[]>> {
  return snapshotDeveloperRows(env.DB, developerId, platformId);
}

/** Row counts of the tables oauth-api writes (a rejected callback names no developer we could scope by). */
export function globalCounts(): Promise<Record<string, number>> {
  return countTableRows(env.DB, ["platforms", "stripe_accounts", "tiers", "oauth_states"]);
}

/** Runs the whole Connect flow for a developer and returns the callback's redirect. */
export async function connectStripe(dev: Developer, decision: "approve" | "deny" = "approve", at = call) {
  const start = await at("POST", "/connect/start", { token: dev.token });
  if (start.status !== 201) throw new Error(`connect/start: ${start.status} ${JSON.stringify(start.body)}`);
  const back = await answerConnect(start.body.url, decision);
  const callback = await at("GET", `${back.pathname}${back.search}`);
  return { start, back, callback, location: new URL(callback.headers.get("Location") ?? "http://missing/") };
}

export async function accountRow(platformId: string) {
  return env.DB.prepare("SELECT stripe_user_id, livemode, scope, disconnected_at FROM stripe_accounts WHERE platform_id = ?1")
    .bind(platformId)
    .first<{ stripe_user_id: string; livemode: number; scope: string; disconnected_at: string | null }>();
}

export async function platformIdOf(dev: Developer): Promise<string> {
  const row = await env.DB.prepare("SELECT platform_id FROM platforms WHERE developer_id = ?1").bind(dev.id).first<{ platform_id: string }>();
  if (!row) throw new Error("developer has no platform yet");
  return row.platform_id;
}

export interface ConnectedDeveloper {
  dev: Developer;
  account: string;
  platformId: string;
}

/**
 * A new developer on the paid plan ($15/month), which live mode needs: the
 * Clerk user's publicMetadata.plan is "paid" before its session is minted,
 * so the platform row is created paid on the first call (the JWT's claim).
 */
export async function paidDeveloper(): Promise<Developer> {
  const dev = await createDeveloper();
  await setClerkPlan(dev.id, "paid");
  return { ...dev, token: await mintToken(dev.id) };
}

/** A new developer (free, or `plan: "paid"`) who has connected a fresh Stripe stand-in account through the real Connect flow. */
export async function connectedDeveloper(options: { plan?: "free" | "paid" } = {}): Promise<ConnectedDeveloper> {
  const dev = options.plan === "paid" ? await paidDeveloper() : await createDeveloper();
  const { location } = await connectStripe(dev);
  const account = location.searchParams.get("account");
  if (!account) throw new Error(`connect failed: ${location}`);
  return { dev, account, platformId: await platformIdOf(dev) };
}
