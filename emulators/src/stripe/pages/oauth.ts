/**
 * Stripe Connect's authorize page (`/oauth/authorize`). Approving connects a
 * new account (or the one named in the "account" field, reconnecting it if it
 * was deauthorized) and redirects with a single-use `code`; denying
 * redirects with `error=access_denied`, both carrying `state` back.
 */
import type { Hono } from "hono";
import { readForm } from "../api.js";
import type { Deps } from "../deps.js";
import { AUTOMATIC } from "../events.js";
import { newId } from "../ids.js";
import { buildAccount } from "../objects/account.js";
import { applicationObject } from "../oauth.js";
import { Params } from "../params.js";
import { newAccountRecord, type AccountRecord } from "../store.js";
import { html, merchantName, messagePage, page } from "./layout.js";

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
}

const ACCOUNT_ID = /^acct_[A-Za-z0-9]+$/;

/** The request, or the error page to show instead (never redirect to an unchecked URI). */
function validate(deps: Deps, params: Params): AuthorizeRequest | Response {
  const clientId = params.string("client_id") ?? "";
  if (clientId !== deps.connectClientId) {
    return messagePage("Invalid application", `No application matches the client_id "${clientId}".`, undefined, 400);
  }
  const responseType = params.string("response_type") ?? "code";
  if (responseType !== "code") {
    return messagePage("Invalid request", `Unsupported response_type "${responseType}"; use "code".`, undefined, 400);
  }
  const redirectUri = params.string("redirect_uri") ?? "";
  if (!URL.canParse(redirectUri)) {
    return messagePage("Invalid request", "A valid redirect_uri is required.", undefined, 400);
  }
  const scope = params.string("scope") ?? "read_write";
  if (scope !== "read_write" && scope !== "read_only") {
    return messagePage("Invalid request", `Invalid scope "${scope}"; use read_write or read_only.`, undefined, 400);
  }
  return { clientId, redirectUri, scope, state: params.string("state") ?? "" };
}

function redirect(target: string, query: Record<string, string>): Response {
  const url = new URL(target);
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  return new Response(null, { status: 302, headers: { location: url.toString() } });
}

function accountOptions(deps: Deps): ReturnType<typeof html>[] {
  return deps.store
    .connectedAccounts()
    .map((record) => html`<label><input type="radio" name="account" value="${record.account.id}"> ${merchantName(record.account)} <span class="muted">${record.account.id}</span></label>`);
}

function authorizePage(deps: Deps, request: AuthorizeRequest): Response {
  const platform = merchantName(deps.store.requireAccount(deps.store.platformAccountId).account);
  const hidden = html`<input type="hidden" name="client_id" value="${request.clientId}">
<input type="hidden" name="redirect_uri" value="${request.redirectUri}">
<input type="hidden" name="scope" value="${request.scope}">
<input type="hidden" name="state" value="${request.state}">`;
  return page(
    "Connect with Stripe",
    html`<div class="card"><p class="muted">Stripe Connect (local)</p><h1>Connect ${platform}</h1>
<p>${platform} is asking for ${request.scope === "read_write" ? "read and write" : "read-only"} access to your Stripe account.</p></div>
<form class="card" method="post" action="/oauth/authorize">
${hidden}
<h2>Account</h2>
<label><input type="radio" name="account" value="" checked> A new account</label>
${accountOptions(deps)}
<label for="business_name">Business name (new account)</label>
<input type="text" id="business_name" name="business_name" autocomplete="organization">
<label for="email">Email (new account)</label>
<input type="email" id="email" name="email" autocomplete="email">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`,
  );
}

/** The account to connect, created or reconnected; undefined for a malformed id. */
function connect(deps: Deps, form: Params): AccountRecord | undefined {
  const requested = form.string("account")?.trim();
  if (requested && !ACCOUNT_ID.test(requested)) return undefined;
  if (requested === deps.store.platformAccountId) return undefined;
  const existing = requested ? deps.store.account(requested) : undefined;
  if (existing) {
    existing.connected = true;
    deps.store.touch();
    return existing;
  }
  const record = newAccountRecord(
    buildAccount({
      id: requested || newId("acct"),
      created: deps.now(),
      name: form.string("business_name")?.trim() || null,
      email: form.string("email")?.trim() || null,
    }),
  );
  deps.store.addAccount(record);
  return record;
}

export function registerAuthorizePage(app: Hono, deps: Deps): void {
  app.get("/oauth/authorize", async (c) => {
    const request = validate(deps, new Params(await readForm(c)));
    return request instanceof Response ? request : authorizePage(deps, request);
  });

  app.post("/oauth/authorize", async (c) => {
    const form = new Params(await readForm(c));
    const request = validate(deps, form);
    if (request instanceof Response) return request;
    if (form.string("decision") !== "approve") {
      return redirect(request.redirectUri, {
        error: "access_denied",
        error_description: "The user denied your request",
        state: request.state,
      });
    }
    const record = connect(deps, form);
    if (!record) return messagePage("Invalid account", "The account field must be empty or an id like acct_123.", undefined, 400);
    const code = newId("ac");
    deps.store.state.oauthCodes[code] = { account: record.account.id, scope: request.scope, created: deps.now(), used: false };
    deps.store.touch();
    // The authorize page carries no key, so no mode: the event is a test-mode one, as before live mode existed.
    deps.events.emit({ account: record.account.id, livemode: false }, "account.application.authorized", applicationObject(deps), AUTOMATIC);
    return redirect(request.redirectUri, { code, scope: request.scope, state: request.state });
  });
}
