/** Wires api-multi: middleware, then one Hono instance per resource. */
import { systemClock, type Clock } from "@dream-api/shared";
import { corsForAnyOrigin, corsFromConfig, createBaseApp } from "@dream-api/shared/hono";
import { config } from "./config";
import type { AppEnv } from "./context";
import { END_USER_PATHS, authenticate } from "./middleware/authenticate";
import { limitPerCredential } from "./middleware/rate-limit";
import { billingRoutes } from "./routes/billing";
import { customerRoutes } from "./routes/customers";
import { dashboardRoutes } from "./routes/dashboard";
import { docsRoutes } from "./routes/docs";
import { publicRoutes } from "./routes/public";
import { tierRoutes } from "./routes/tiers";
import { usageRoutes } from "./routes/usage";
import { webhookRoutes } from "./routes/webhook";

export interface AppDependencies {
  clock?: Clock;
}

export function createApp({ clock = systemClock }: AppDependencies = {}) {
  const app = createBaseApp<AppEnv>("api-multi");
  app.use("*", async (c, next) => {
    c.set("now", clock());
    await next();
  });
  app.route("/", docsRoutes);
  app.route("/api/public", publicRoutes);
  app.route("/webhook", webhookRoutes);
  const dashboardCors = corsFromConfig<AppEnv>((c) => config(c.env).CORS_ORIGINS);
  const endUserCors = corsForAnyOrigin();
  // Server-to-server calls (a developer's backend) send no Origin and need no CORS headers.
  app.use("/api/*", (c, next) => {
    if (!c.req.header("Origin") && c.req.method !== "OPTIONS") return next();
    return END_USER_PATHS.has(c.req.path) ? endUserCors(c, next) : dashboardCors(c, next);
  });
  app.use("/api/*", authenticate, limitPerCredential);

  app.route("/api/customers", customerRoutes);
  app.route("/api/usage", usageRoutes);
  app.route("/api/tiers", tierRoutes);
  app.route("/api/dashboard", dashboardRoutes);
  app.route("/api", billingRoutes);
  return app;
}
