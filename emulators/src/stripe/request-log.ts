/**
 * Each request the stand-in answers is one line of Stripe's request log: it
 * gets a `req_…` id, sent back in the `Request-Id` header, and its errors
 * carry `request_log_url`, where Stripe's Dashboard shows that request (under
 * `/test/` for test mode), as Stripe's errors do. stripe-node exposes both on
 * its errors (`requestId`, `request_log_url`).
 */
import type { Context } from "hono";
import { apiKeyFrom, keyIsLive } from "./auth.js";
import type { Deps } from "./deps.js";
import { newId } from "./ids.js";

export interface RequestLog {
  id: string;
  /** The key's mode until authentication says otherwise; test mode when there is no key. */
  livemode: boolean;
  /** Unix seconds. */
  at: number;
}

export function startRequest(deps: Deps, c: Context): RequestLog {
  const key = apiKeyFrom(c.req.header("authorization"));
  return { id: newId("req"), livemode: key ? keyIsLive(key) : false, at: deps.now() };
}

export function requestLogUrl(request: RequestLog): string {
  return `https://dashboard.stripe.com/${request.livemode ? "" : "test/"}logs/${request.id}?t=${request.at}`;
}
