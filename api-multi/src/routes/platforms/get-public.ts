import { PLATFORM_ID_PATTERN, validate } from "@dream-api/shared";
import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { type AppEnv, publicContext } from "../../context";
import { responses } from "../../models";
import { publicModeQuery } from "../../schemas";
import { getPublicPage } from "../../services/tiers/list";

export const platformIdPath = z.strictObject({
  platformId: z.string().regex(PLATFORM_ID_PATTERN).meta({ description: "The platform (dashboard › Keys): it never changes.", example: "plt_8dJ2kQ4mN7rT1vW3" }),
});

/** The hosted pricing page's content by platform id: the address that survives key rotation. */
export const getPublicPlatformOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/public/platforms/{platformId}",
  operationId: "platforms.getPublic",
  tag: "Tiers",
  summary: "Get a pricing page",
  description:
    "Your pricing, brand and end-user organization for the hosted pricing page `/p/<platformId>` (live) or `/p/<platformId>/test`: no authentication, any origin, no Stripe ids, cacheable for 60 seconds. Live needs the paid plan.",
  auth: ["none"],
  cors: "public",
  request: { params: platformIdPath, query: publicModeQuery },
  response: { status: 200, schema: responses.publicTiers, description: "The active tiers, the brand and the organization of that mode.", headers: { "Cache-Control": "`public, max-age=60`" } },
  limitPerClientIp: true,
  errors: ["invalid_request", "not_found", "live_mode_unavailable", "rate_limited", "internal_error", "database_error"],
  handler: async (c) => {
    const { platformId } = validate(platformIdPath, { platformId: c.req.param("platformId") });
    const { mode } = readQuery(c, publicModeQuery);
    const body = await getPublicPage({ ctx: publicContext(c), input: { platformId, mode: mode ?? "live" } });
    c.header("Cache-Control", "public, max-age=60");
    return c.json(body);
  },
});
