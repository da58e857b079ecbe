import { Hono } from "hono";
import { respond, serviceContext, type AppEnv } from "../context";
import { getPlatformTiers } from "../services/tier-cache";

/** The platform's active tiers, cheapest first. */
export const tierRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const ctx = serviceContext(c);
  const tiers = await getPlatformTiers(ctx.env, ctx, ctx.platformId);
  const active = tiers.filter((tier) => !tier.archived).sort((a, b) => a.sortOrder - b.sortOrder || a.price - b.price);
  return respond(c, { tiers: active });
});
