/**
 * front-auth-api test harness: developers are real users of the Clerk
 * stand-in's "dream-api" app with real session JWTs; requests go through
 * the worker's Hono app with the real bindings; Stripe's webhooks are the
 * stand-in's signed deliveries, read back from the webhook inbox.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { countTableRows, snapshotDeveloperRows } from "@dream-api/testkit/arbitraries";
import { harnessClock } from "@dream-api/testkit/in-worker";
import type { CallOptions as WorkerCallOptions, CallResult } from "@dream-api/testkit/worker-caller";
import { bindWorker, webhookDeliverer } from "@dream-api/testkit/worker-harness";
import { createApp } from "../src/app";

export * from "@dream-api/testkit/in-worker";
/** front-auth-api's operations, as the shared suites read them. */
export { OPERATIONS as operations } from "../src/routes";

export type CallOptions = WorkerCallOptions<Env>;
export type { CallResult };

/** `client(clock)`: a caller bound to a new app on that clock; `call`: one on the harness clock; `send`: request templates for the property suites. */
export const { client, call, send } = bindWorker({ createApp, env, createExecutionContext, waitOnExecutionContext, origin: "http://front-auth.test", clock: harnessClock });

/** Every row a developer owns: the platform's tenant tables (full rows, so an UPDATE shows too) and the developer's metered usage. */
export function developerRows(developerId: string, platformId: string): Promise<Record<string, unknown[]>> {
  return snapshotDeveloperRows(env.DB, developerId, platformId);
}

/** Row counts of the shared tables (a rejected webhook has no developer to scope by). */
export function globalCounts(): Promise<Record<string, number>> {
  return countTableRows(env.DB, ["platforms", "api_keys", "platform_usage", "events"]);
}

/** Stripe's signed deliveries, handed to the worker exactly as Stripe sent them. */
export const { deliver, deliverAll } = webhookDeliverer(call, "/webhook/stripe");

export async function eventRows(eventId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM events WHERE event_id = ?1").bind(eventId).first<{ n: number }>();
  return row?.n ?? 0;
}
