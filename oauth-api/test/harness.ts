/** oauth-api test harness: real developer sessions, requests through the worker's app with the real bindings. */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { Clock } from "@dream-api/shared";
import { answerConnect, createDeveloper, type Developer } from "@dream-api/emulators/testing/in-worker";
import { workerCaller, type CallOptions as WorkerCallOptions, type CallResult } from "@dream-api/emulators/testing/worker-caller";
import { createApp } from "../src/app";

import { harnessClock } from "@dream-api/emulators/testing/in-worker";

export * from "@dream-api/emulators/testing/in-worker";

export type CallOptions = WorkerCallOptions<Env>;
export type { CallResult };

/** A caller bound to one app instance (and so one clock). */
export function client(clock: Clock = harnessClock) {
  const app = createApp({ clock });
  return workerCaller({ fetch: (request, bindings, ctx) => app.fetch(request, bindings, ctx), env, createExecutionContext, waitOnExecutionContext, origin: "http://oauth.test" });
}

export const call = client();

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

/** A new developer who has connected a fresh Stripe stand-in account through the real Connect flow. */
export async function connectedDeveloper(): Promise<ConnectedDeveloper> {
  const dev = await createDeveloper();
  const { location } = await connectStripe(dev);
  const account = location.searchParams.get("account");
  if (!account) throw new Error(`connect failed: ${location}`);
  return { dev, account, platformId: await platformIdOf(dev) };
}
