/** Wires front-auth-api: shared base, CORS, then session auth + rate limit for everything but the webhook. */
import { systemClock, type Clock } from "@dream-api/shared";
import { authenticateDeveloper, corsFromConfig, createBaseApp, enforceRateLimit } from "@dream-api/shared/hono";
import { config } from "./config";
import type { AppEnv } from "./context";
import { billingRoutes } from "./routes/billing";
import { credentialRoutes } from "./routes/credentials";
import { developerRoutes } from "./routes/developer";
import { webhookRoutes } from "./routes/webhook";

export interface AppDependencies {
  clock?: Clock;
}

export function createApp({ clock = systemClock }: AppDependencies = {}) {
  const app = createBaseApp<AppEnv>("front-auth-api");
  app.use("*", async (c, next) => {
    c.set("now", clock());
    await next();
  });
  app.route("/webhook", webhookRoutes);

  app.use("*", corsFromConfig<AppEnv>((c) => config(c.env).CORS_ORIGINS));
  app.use("*", authenticateDeveloper<AppEnv>(config), async (c, next) => {
    await enforceRateLimit(c.env.DEVELOPER_RATE_LIMITER, c.get("developerId"), "developer");
    await next();
  });
  app.route("/", developerRoutes);
  app.route("/credentials", credentialRoutes);
  app.route("/", billingRoutes);
  return app;
}
