import { ApiError, PUBLISHABLE_KEY_PATTERN } from "@dream-api/shared";
import { isKeyActive } from "@dream-api/shared/db";
import { limitPerClientIp } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { config } from "../config";
import type { AppEnv } from "../context";
import { resolvePublishableKey } from "../services/api-key-cache";
import { getPlatformTiers } from "../services/tier-cache";

/**
 * A developer's public pricing (GET /api/public/tiers?pk=pk_…): no auth, no
 * secrets (no Stripe ids), any origin, cacheable for a minute. Limited per
 * client IP (anyone may call it). A publishable key that was revoked, or
 * whose grace period is over, is refused like a secret key would be.
 */
export const publicRoutes = new Hono<AppEnv>().use("*", cors({ origin: "*", allowMethods: ["GET"] }), limitPerClientIp()).get("/tiers", async (c) => {
  const pk = c.req.query("pk") ?? "";
  if (!PUBLISHABLE_KEY_PATTERN.test(pk)) throw new ApiError("invalid_request", "pk must be a publishable key (pk_live_… or pk_test_…).", { param: "pk" });
  const now = c.get("now");
  // The per-IP bucket above already counted this request; the cold lookup does not count it twice.
  const key = await resolvePublishableKey(c.env, pk, { now, ttlSeconds: config(c.env).KEY_CACHE_TTL_SECONDS, clientIp: null });
  if (!key) throw new ApiError("not_found", "No platform has this publishable key.", { param: "pk" });
  if (!isKeyActive(key, now)) throw new ApiError("invalid_api_key", "This publishable key was revoked or has expired. Use the current one from the dashboard.", { param: "pk" });
  const tiers = (await getPlatformTiers(c.env, c.executionCtx, key.platformId))
    .filter((tier) => !tier.archived)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.price - b.price)
    .map(({ name, displayName, kind, price, currency, limit, features, popular, inventory, imageUrl, description }) => ({
      name,
      displayName,
      kind,
      price,
      currency,
      limit,
      features,
      popular,
      inventory,
      imageUrl,
      description,
      soldOut: kind === "one_off" && inventory !== null && inventory <= 0,
    }));
  c.header("Cache-Control", "public, max-age=60");
  return c.json({ tiers, mode: key.preview ? "preview" : key.mode });
});
