import { defineOperation } from "@dream-api/shared/hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { completeConnect } from "../../services/connect/connect";

/** Stripe redirects the developer's browser here: no session, the signed state is the authentication. */
export const connectCallbackOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/connect/callback",
  operationId: "connect.callback",
  tag: "Connect",
  summary: "Stripe's redirect back",
  description:
    "Verifies the state (forged, expired or replayed: 400 `invalid_state`, nothing stored), exchanges the code, stores the account for the developer who started, and redirects to the dashboard with `connect=success&account=…` or `connect=error&error=<code>` (a code only, never Stripe's text).",
  auth: ["signedState"],
  request: {
    // Loose: Stripe may send more than these (the callback reads only these three).
    query: z.looseObject({
      code: z.string().optional().meta({ description: "Stripe's authorization code." }),
      state: z.string().meta({ description: "The state POST /connect/start signed." }),
      error: z.string().optional().meta({ description: "Stripe's error code, when the developer declined or Stripe refused." }),
      error_description: z.string().optional().meta({ description: "Stripe's words: never shown." }),
      scope: z.string().optional(),
    }),
  },
  response: { status: 302, description: "To the dashboard.", headers: { Location: "`DASHBOARD_URL/dashboard?connect=success&account=…` or `?connect=error&error=<code>`." } },
  limitPerClientIp: true,
  errors: ["invalid_state", "rate_limited", "internal_error", "database_error"],
  handler: async (c) => {
    const query = c.req.query();
    const location = await completeConnect({ ctx: { env: c.env, now: c.get("now") }, input: { state: query["state"], code: query["code"], error: query["error"] } });
    return c.redirect(location, 302);
  },
});
