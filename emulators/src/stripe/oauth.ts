/**
 * Stripe Connect OAuth endpoints (`connect.stripe.com/oauth/*`; stripe-node
 * sends them to the configured host). Errors use the OAuth shape
 * `{ error, error_description }`, which stripe-node turns into
 * StripeInvalidGrantError, StripeInvalidClientError, …
 */
import type { Context, Hono } from "hono";
import { errorResponse, readForm } from "./api.js";
import { apiKeyFrom, authenticate } from "./auth.js";
import type { Deps } from "./deps.js";
import { OAuthError, StripeApiError } from "./errors.js";
import { newId } from "./ids.js";
import { Params } from "./params.js";
import { startRequest } from "./request-log.js";
import type { Scope } from "./store.js";

/** Authorization codes are single use and short lived, as on Stripe. */
const CODE_TTL_SECONDS = 5 * 60;

/** The application object `account.application.*` events carry. */
export function applicationObject(deps: Deps): { id: string; object: "application"; name: string } {
  return { id: deps.connectClientId, object: "application", name: "dream-api (local)" };
}

/** `livemode` is the platform key's mode: a live key issues live-mode tokens. */
function oauthRoute(deps: Deps, handler: (params: Params, livemode: boolean) => object): (c: Context) => Promise<Response> {
  return async (c) => {
    const request = startRequest(deps, c);
    try {
      const params = new Params(await readForm(c));
      const key = apiKeyFrom(c.req.header("authorization")) ?? params.string("client_secret");
      let scope: Scope;
      try {
        scope = authenticate(deps.store, deps.auth, key);
      } catch (error) {
        if (error instanceof StripeApiError) throw new OAuthError(401, "invalid_client", error.body.message);
        throw error;
      }
      if (scope.account !== deps.store.platformAccountId) {
        throw new OAuthError(401, "invalid_client", "OAuth requests must be made with the platform's secret key.");
      }
      return c.json(handler(params, scope.livemode), 200, { "request-id": request.id });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

export function registerOAuth(app: Hono, deps: Deps): void {
  const { store } = deps;

  app.post(
    "/oauth/token",
    oauthRoute(deps, (params, livemode) => {
      const grantType = params.string("grant_type");
      if (!grantType) throw new OAuthError(400, "invalid_request", "No grant type specified");
      if (grantType !== "authorization_code") {
        throw new OAuthError(400, "unsupported_grant_type", `Unsupported grant type: ${grantType}`);
      }
      const code = params.string("code");
      if (!code) throw new OAuthError(400, "invalid_request", "No authorization code provided");
      const record = store.state.oauthCodes[code];
      if (!record) throw new OAuthError(400, "invalid_grant", `Authorization code does not exist: ${code}`);
      if (record.used) throw new OAuthError(400, "invalid_grant", `Authorization code already used: ${code}`);
      if (record.created + CODE_TTL_SECONDS < deps.now()) {
        throw new OAuthError(400, "invalid_grant", `Authorization code expired: ${code}`);
      }
      record.used = true;
      const accessToken = newId(livemode ? "sk_live" : "sk_test");
      store.state.accessTokens[accessToken] = { account: record.account, revoked: false, livemode };
      store.touch();
      return {
        access_token: accessToken,
        livemode,
        refresh_token: newId("rt"),
        scope: record.scope,
        stripe_publishable_key: newId(livemode ? "pk_live" : "pk_test"),
        stripe_user_id: record.account,
        token_type: "bearer",
      };
    }),
  );

  app.post(
    "/oauth/deauthorize",
    oauthRoute(deps, (params, livemode) => {
      const clientId = params.string("client_id");
      if (!clientId) throw new OAuthError(400, "invalid_request", "No client_id provided");
      if (clientId !== deps.connectClientId) throw new OAuthError(401, "invalid_client", `No such application: '${clientId}'`);
      const accountId = params.string("stripe_user_id");
      if (!accountId) throw new OAuthError(400, "invalid_request", "No stripe_user_id provided");
      const record = store.account(accountId);
      if (!record?.connected || accountId === store.platformAccountId) {
        throw new OAuthError(401, "invalid_client", `This application is not connected to stripe account ${accountId}, or that account does not exist.`);
      }
      record.connected = false;
      for (const token of Object.values(store.state.accessTokens)) {
        if (token.account === accountId) token.revoked = true;
      }
      store.touch();
      // Deauthorizing disconnects the account in both modes; the event is in the mode of the key that asked.
      deps.events.emit({ account: accountId, livemode }, "account.application.deauthorized", applicationObject(deps), {
        id: newId("req"),
        idempotency_key: null,
      });
      return { stripe_user_id: accountId };
    }),
  );
}
