/**
 * Who is looking at a hosted pricing page. One person has one end-user
 * session per browser, shared by every developer's page, and the session's
 * active organization says which developer it acts for. So a signed-in
 * visitor is either already active here, or signed in "elsewhere" (another
 * developer's customer, or nobody's yet): then the page asks before joining
 * this developer, unless they just signed in or up from this page to join.
 * The words for the page's errors live here too, since a shopper cannot act
 * on an error code.
 */
import { ApiError } from "../api/client";
import type { PricingIntent } from "./pricing-address";

export type EndUserStatus = "loading" | "signed-out" | "signed-in";

export type PricingSessionState =
  /** The session or the page's organization is not known yet. */
  | "loading"
  | "signed-out"
  /** Signed in, but the session acts for another developer or for none. */
  | "elsewhere"
  /** Signed in and acting for this page's developer: calls may use the token. */
  | "here";

/** `organizationId` is undefined while the page loads and null until someone has joined this developer. */
export function pricingSessionState(input: { status: EndUserStatus; activeOrganizationId: string | null; organizationId: string | null | undefined }): PricingSessionState {
  if (input.status === "loading") return "loading";
  if (input.status === "signed-out") return "signed-out";
  if (input.organizationId === undefined) return "loading";
  return input.organizationId !== null && input.activeOrganizationId === input.organizationId ? "here" : "elsewhere";
}

export type IntentStep =
  /** Not known yet who is looking: keep the intent. */
  | "wait"
  /** Back from signing in or up on this page: join, then make this developer active. */
  | "join"
  /** A purchase waits, but the session acts elsewhere and nobody asked to join: the visitor chooses. */
  | "ask"
  /** Active here: continue the purchase. */
  | "buy"
  /** Nothing (more) to do: forget the intent. */
  | "done";

/** What to do with the intent a sign-in round trip brought back. Joining never happens without `join`, so a page load alone never joins. */
export function intentStep(state: PricingSessionState, intent: PricingIntent): IntentStep {
  switch (state) {
    case "loading":
      return "wait";
    case "signed-out":
      return "done";
    case "elsewhere":
      return intent.join ? "join" : intent.buy ? "ask" : "done";
    case "here":
      return intent.buy ? "buy" : "done";
  }
}

const MESSAGES: Record<string, string> = {
  not_found: "This pricing page does not exist. Check the link you were given.",
  invalid_request: "This pricing page's address is not valid. Check the link you were given.",
  live_mode_unavailable: "This pricing page is not open yet: the app does not take payments yet.",
  no_tiers_configured: "This app has nothing for sale yet, so there is nothing to join. Try again later.",
  preview_limit_reached: "This app is in preview and cannot take more customers yet. Contact its team.",
  invalid_token: "Your session ended. Sign in again.",
  // An old /p/<publishableKey> link whose key is revoked: it cannot lead to the stable address any more.
  invalid_api_key: "This pricing link is no longer valid. Ask the app's team for the link to their pricing page.",
};

/** The error with words a shopper can act on, for the codes the page's calls answer; the request id stays. Other errors pass unchanged. */
export function pricingError(error: unknown): Error {
  if (error instanceof ApiError && Object.hasOwn(MESSAGES, error.code)) return new ApiError(error.status, error.code, MESSAGES[error.code]!, error.requestId, error.body);
  return error instanceof Error ? error : new Error(String(error));
}
