/** Wires oauth-api: the Connect callback (signed state, no session) first, then session auth for the rest. */
import { systemClock, type Clock } from "@dream-api/shared";
import { authenticateDeveloper, corsFromConfig, createBaseApp, enforceRateLimit, limitPerClientIp } from "@dream-api/shared/hono";
import { config } from "./config";
import type { AppEnv } from "./context";
import { connectCallbackRoutes, connectRoutes } from "./routes/connect";
import { productRoutes } from "./routes/products";

export interface AppDependencies {
  clock?: Clock;
}

export function createApp({ clock = systemClock }: AppDependencies = {}) {
  const app = createBaseApp<AppEnv>("oauth-api");
  app.use("*", async (c, next) => {
    c.set("now", clock());
    await next();
  });
  // The callback needs no session (Stripe redirects the developer's browser): limited per client IP instead.
  app.use("/connect/callback", limitPerClientIp());
  app.route("/connect", connectCallbackRoutes);
  app.use("*", corsFromConfig<AppEnv>((c) => config(c.env).CORS_ORIGINS));
  app.use("*", authenticateDeveloper<AppEnv>(config), async (c, next) => {
    await enforceRateLimit(c.env.DEVELOPER_RATE_LIMITER, c.get("developerId"), "developer");
    await next();
  });
  app.route("/connect", connectRoutes);
  app.route("/products", productRoutes);
  return app;
}
