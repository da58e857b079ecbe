import { Hono } from "hono";
import { cors } from "hono/cors";
import { registerAuthPages } from "./auth-pages.js";
import { backendApi } from "./backend-api.js";
import type { EmulatorContext } from "./context.js";
import { ClerkApiError, clerkErrorResponse, clerkErrors } from "./errors.js";
import { localApi } from "./local-api.js";

/**
 * The whole stand-in as one fetch handler: Backend API under `/v1`, the
 * sign-in pages, the `/local` session endpoints and `/health`. Every failure,
 * unknown routes included, is answered in Clerk's error shape.
 */
export function createClerkApp(ctx: EmulatorContext): Hono {
  const app = new Hono();
  app.use("/health", cors({ origin: "*" }));
  app.get("/health", (c) => c.json({ ok: true, service: "clerk-stand-in" }));
  app.route("/v1", backendApi(ctx.state));
  app.route("/local", localApi(ctx));
  registerAuthPages(app, ctx);

  app.notFound((c) => clerkErrorResponse(c, clerkErrors.urlNotFound()));
  app.onError((err, c) => {
    if (err instanceof ClerkApiError) return clerkErrorResponse(c, err);
    console.error("[clerk-emulator]", err);
    return clerkErrorResponse(c, clerkErrors.internal());
  });
  return app;
}
