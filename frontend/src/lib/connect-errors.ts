/**
 * What the dashboard says when Stripe Connect did not finish. oauth-api's
 * callback sends only a code (`/dashboard?connect=error&error=<code>`);
 * the words are ours, so a crafted link cannot put its own text in the
 * dashboard's banner. Keep the codes in step with oauth-api's
 * services/connect/connect.ts.
 */
const MESSAGES: Record<string, string> = {
  access_denied: "You declined the connection on Stripe, so nothing was connected. Select Connect Stripe to try again.",
  missing_code: "Stripe sent no authorization code back, so nothing was connected. Select Connect Stripe to try again.",
  token_exchange_failed: "Stripe did not accept the authorization, so nothing was connected. Select Connect Stripe to try again.",
  invalid_request: "Stripe rejected the connection request, so nothing was connected. Select Connect Stripe to try again; if it keeps failing, contact support.",
  invalid_scope: "Stripe rejected the permissions we asked for, so nothing was connected. Contact support.",
  invalid_grant: "The authorization from Stripe expired or was already used. Select Connect Stripe to try again.",
  unsupported_response_type: "Stripe rejected the connection request, so nothing was connected. Contact support.",
};

export const GENERIC_CONNECT_ERROR = "Stripe did not connect the account. Select Connect Stripe to try again.";

/** The sentence for an error code from the Connect callback; unknown or missing codes get the generic one. */
export function connectErrorMessage(code: string | null | undefined): string {
  return (code && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined) ?? GENERIC_CONNECT_ERROR;
}
