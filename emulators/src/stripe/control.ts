/**
 * `/_emulator/*`: test and dev controls with no API key. They drive time-based
 * behaviour (renewals, failed payments) and webhook replays that the real
 * Stripe would do on its own schedule.
 */
import type { Context, Hono } from "hono";
import { errorResponse, readForm } from "./api.js";
import { advance, failPayment } from "./billing.js";
import type { Deps } from "./deps.js";
import { invalidRequest, resourceMissing } from "./errors.js";
import { AUTOMATIC } from "./events.js";
import { newId } from "./ids.js";
import { buildAccount } from "./objects/account.js";
import type { Subscription } from "./objects/subscription.js";
import { startRequest } from "./request-log.js";
import { newAccountRecord, type Scope } from "./store.js";
import type { WebhookDispatcher } from "./webhooks.js";

/** Form or JSON body with string values. */
async function readBody(c: Context): Promise<Record<string, string>> {
  if (c.req.header("content-type")?.includes("application/json")) {
    const text = await c.req.text();
    if (!text.trim()) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidRequest("Invalid JSON body.");
    }
    if (typeof parsed !== "object" || parsed === null) throw invalidRequest("The JSON body must be an object.");
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  }
  const form = await readForm(c);
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function route(deps: Deps, handler: (c: Context) => Promise<object> | object): (c: Context) => Promise<Response> {
  return async (c) => {
    try {
      return c.json(await handler(c));
    } catch (error) {
      return errorResponse(error, startRequest(deps, c));
    }
  };
}

/**
 * The subscription in the account from `Stripe-Account` / `account`, or in
 * whichever account holds it; in whichever mode holds it (ids are unique
 * across modes, and controls take no API key).
 */
async function findSubscription(deps: Deps, c: Context): Promise<{ scope: Scope; subscription: Subscription }> {
  const id = c.req.param("id") ?? "";
  const account = c.req.header("stripe-account") ?? (await readBody(c)).account;
  if (account && !deps.store.account(account)) throw resourceMissing("account", account);
  const found = deps.store.locate("subscriptions", id, account);
  if (!found) throw resourceMissing("subscription", id);
  return { scope: found.scope, subscription: found.object };
}

export function registerControl(app: Hono, deps: Deps, dispatcher: WebhookDispatcher): void {
  app.post(
    "/_emulator/subscriptions/:id/advance",
    route(deps, async (c) => {
      const { scope, subscription } = await findSubscription(deps, c);
      return advance(deps, scope, subscription, AUTOMATIC);
    }),
  );

  app.post(
    "/_emulator/subscriptions/:id/fail_payment",
    route(deps, async (c) => {
      const { scope, subscription } = await findSubscription(deps, c);
      return failPayment(deps, scope, subscription, AUTOMATIC);
    }),
  );

  app.post(
    "/_emulator/events/:id/replay",
    route(deps, (c) => {
      const id = c.req.param("id") ?? "";
      const event = deps.events.replay(id);
      if (!event) throw resourceMissing("event", id);
      return event;
    }),
  );

  /** A connected account without going through OAuth, for seeding dev data and tests. */
  app.post(
    "/_emulator/accounts",
    route(deps, async (c) => {
      const body = await readBody(c);
      const id = body.id ?? newId("acct");
      if (!/^acct_[A-Za-z0-9]+$/.test(id)) throw invalidRequest("id must look like acct_123.", { param: "id" });
      if (deps.store.account(id)) throw invalidRequest(`Account ${id} already exists.`, { code: "resource_already_exists", param: "id" });
      const record = newAccountRecord(buildAccount({ id, created: deps.now(), name: body.name ?? null, email: body.email ?? null }));
      deps.store.addAccount(record);
      return record.account;
    }),
  );

  app.get(
    "/_emulator/deliveries",
    route(deps, () => ({ object: "list", data: dispatcher.deliveries() })),
  );

  app.post(
    "/_emulator/reset",
    route(deps, () => {
      dispatcher.reset();
      deps.store.reset();
      return { reset: true };
    }),
  );
}
