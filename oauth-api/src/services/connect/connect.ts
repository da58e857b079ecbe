import { ApiError } from "@dream-api/shared";
import { refreshAccountCache } from "@dream-api/shared/caches";
import { connectAccountStatement, consumeOAuthState, disconnectAccountStatement, getConnectedAccount, insertOAuthState } from "@dream-api/shared/db";
import type { KeyMode } from "@dream-api/shared";
import { stripeForMode, stripeFailure } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import type { ServiceContext } from "../../context";
import { newStatePayload, signState, verifyState } from "./oauth-state";

/** The platform's Stripe client for one mode: test tiers live on the connected account in test mode, live tiers in live mode. */
export function platformStripe(env: Env, mode: KeyMode): Stripe {
  return stripeForMode(config(env), mode);
}

/**
 * Connect's OAuth runs with the live key: an account connected in live mode
 * serves both modes (test-mode calls with Stripe-Account work on it too).
 */
const CONNECT_MODE: KeyMode = "live";

/**
 * The URL of Stripe's authorize page for this developer, built from config
 * (stripe-node's oauth.authorizeUrl() always points at connect.stripe.com),
 * with a signed, single-use state bound to the developer.
 */
export async function startConnect({ ctx }: { ctx: ServiceContext }): Promise<{ url: string }> {
  const settings = config(ctx.env);
  if (await getConnectedAccount(ctx.env.DB, ctx.platform.platformId)) {
    throw new ApiError("conflict", "A Stripe account is already connected. Disconnect it first to connect another.");
  }
  const payload = newStatePayload({ developerId: ctx.developerId, platformId: ctx.platform.platformId, now: ctx.now });
  await insertOAuthState(ctx.env.DB, {
    nonce: payload.nonce,
    developerId: payload.developerId,
    platformId: payload.platformId,
    expiresAt: new Date(payload.expiresAt * 1000).toISOString(),
    now: ctx.now.toISOString(),
  });
  const url = new URL(settings.STRIPE_CONNECT_AUTHORIZE_URL);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: settings.STRIPE_CONNECT_CLIENT_ID,
    scope: "read_write",
    redirect_uri: settings.CONNECT_REDIRECT_URI,
    state: await signState(payload, settings.OAUTH_STATE_SECRET),
  }).toString();
  return { url: url.toString() };
}

/**
 * The error codes the dashboard has words for (frontend/src/lib/
 * connect-errors.ts; ours are missing_code, token_exchange_failed and
 * stripe_error). The callback forwards a code
 * only — never Stripe's `error_description` or any other text from the
 * query — because anyone can send a developer a link to this callback with
 * made-up parameters, and the dashboard would show that text as ours.
 */
const STRIPE_OAUTH_ERRORS = new Set(["access_denied", "invalid_request", "invalid_scope", "invalid_grant", "unsupported_response_type"]);

/** Stripe's `error` when it is one we know, else the generic `stripe_error`. */
function connectErrorCode(stripeError: string): string {
  return STRIPE_OAUTH_ERRORS.has(stripeError) ? stripeError : "stripe_error";
}

export interface CallbackInput {
  state: string | undefined;
  code: string | undefined;
  /** Stripe's error code (its `error_description` free text is never read: see connectErrorCode). */
  error: string | undefined;
}

/**
 * Stripe's redirect back. The state must verify and be unused (400
 * otherwise, nothing stored); it decides which platform the account joins,
 * so a callback can only attach to the developer who started it. Returns
 * where to send the browser: the dashboard, with success or an error code
 * (`connect=error&error=<code>`) that the dashboard turns into its own words.
 */
export async function completeConnect({ ctx, input }: { ctx: { env: Env; now: Date }; input: CallbackInput }): Promise<string> {
  const { env, now } = ctx;
  const settings = config(env);
  const payload = await verifyState(input.state, settings.OAUTH_STATE_SECRET, now);
  const consumed = await consumeOAuthState(env.DB, { nonce: payload.nonce, developerId: payload.developerId, platformId: payload.platformId, now: now.toISOString() });
  if (!consumed) {
    throw new ApiError("invalid_state", "This connect link was already used or has expired. Start again from the dashboard.", { param: "state" });
  }
  const back = (params: Record<string, string>) => {
    const url = new URL("/dashboard", settings.DASHBOARD_URL);
    url.search = new URLSearchParams(params).toString();
    return url.toString();
  };
  if (input.error) return back({ connect: "error", error: connectErrorCode(input.error) });
  if (!input.code) return back({ connect: "error", error: "missing_code" });
  let token: Stripe.OAuthToken;
  try {
    token = await platformStripe(env, CONNECT_MODE).oauth.token({ grant_type: "authorization_code", code: input.code });
  } catch {
    return back({ connect: "error", error: "token_exchange_failed" });
  }
  if (!token.stripe_user_id) return back({ connect: "error", error: "token_exchange_failed" });
  await connectAccountStatement(env.DB, {
    platformId: payload.platformId,
    stripeUserId: token.stripe_user_id,
    livemode: token.livemode ?? false,
    scope: token.scope ?? null,
    now: now.toISOString(),
  }).run();
  await refreshAccountCache(env.DB, env.ACCOUNT_CACHE, payload.platformId);
  return back({ connect: "success", account: token.stripe_user_id });
}

/**
 * Deauthorizes the platform on the developer's account and marks it
 * disconnected at once (the `account.application.deauthorized` event that
 * follows is handled by api-multi's Connect webhook, idempotently).
 */
export async function disconnect({ ctx }: { ctx: ServiceContext }): Promise<{ connected: false; accountId: string }> {
  const account = await getConnectedAccount(ctx.env.DB, ctx.platform.platformId);
  if (!account) throw new ApiError("stripe_not_connected", "No Stripe account is connected.");
  try {
    await platformStripe(ctx.env, CONNECT_MODE).oauth.deauthorize({ client_id: config(ctx.env).STRIPE_CONNECT_CLIENT_ID, stripe_user_id: account.stripeUserId });
  } catch (error) {
    // Already deauthorized on Stripe's side (401 invalid_client): finish locally.
    if ((error as { statusCode?: number }).statusCode !== 401) throw stripeFailure("disconnect the account", error);
  }
  await disconnectAccountStatement(ctx.env.DB, { platformId: ctx.platform.platformId, stripeUserId: account.stripeUserId, now: ctx.now.toISOString() }).run();
  await refreshAccountCache(ctx.env.DB, ctx.env.ACCOUNT_CACHE, ctx.platform.platformId);
  return { connected: false, accountId: account.stripeUserId };
}
