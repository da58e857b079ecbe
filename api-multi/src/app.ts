/** Wires api-multi: middleware, then one Hono instance per resource. */
import { systemClock, type Clock } from "@dream-api/shared";
import { corsFromConfig, createBaseApp } from "@dream-api/shared/hono";
import { config } from "./config";
import type { AppEnv } from "./context";
import { authenticateSecretKey } from "./middleware/authenticate-secret-key";
import { limitPerApiKey } from "./middleware/rate-limit";
import { customerRoutes } from "./routes/customers";
import { dashboardRoutes } from "./routes/dashboard";
import { tierRoutes } from "./routes/tiers";
import { usageRoutes } from "./routes/usage";

export interface AppDependencies {
  clock?: Clock;
}

export function createApp({ clock = systemClock }: AppDependencies = {}) {
  const app = createBaseApp<AppEnv>("api-multi");
  app.use("*", async (c, next) => {
    c.set("now", clock());
    await next();
  });
  app.use("/api/*", corsFromConfig<AppEnv>((c) => config(c.env).CORS_ORIGINS));
  app.use("/api/*", authenticateSecretKey, limitPerApiKey);

  app.route("/api/customers", customerRoutes);
  app.route("/api/usage", usageRoutes);
  app.route("/api/tiers", tierRoutes);
  app.route("/api/dashboard", dashboardRoutes);
  return app;
}
