import { ApiError, validate } from "@dream-api/shared";
import { defineOperation, readJsonBody, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { type AppEnv, publicContext } from "../../context";
import { responses } from "../../models";
import { publicModeQuery } from "../../schemas";
import { joinPlatform } from "../../services/customers/join";
import { platformIdPath } from "./get-public";

const JWT = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i;

/**
 * A signed-in person becomes a customer on the developer's pricing page.
 * Authenticated by the person's end-user session whatever organization it
 * has active (it names no tenant yet: the page's platform is the one being
 * joined), so it takes the token itself rather than as an endUserSession.
 */
export const joinPlatformOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/public/platforms/{platformId}/join",
  operationId: "platforms.join",
  tag: "Customers",
  summary: "Join an app as its customer",
  description:
    "Called by the hosted pricing page with the person's end-user session token (`Authorization: Bearer <jwt>`, any active organization): makes them a member of this platform's organization (in the `mode` asked, live by default) and a customer on the starting tier, or finds the customer they already are. Then make `organizationId` the session's active organization. Idempotent.",
  auth: ["none"],
  cors: "anyOrigin",
  request: { params: platformIdPath, query: publicModeQuery, body: { schema: z.strictObject({}), example: {} } },
  response: { status: 200, schema: responses.joined, description: "The person is a customer here." },
  limitPerClientIp: true,
  errors: [
    "invalid_request",
    "invalid_json",
    "invalid_token",
    "not_found",
    "live_mode_unavailable",
    "no_tiers_configured",
    "preview_limit_reached",
    "conflict",
    "clerk_error",
    "rate_limited",
    "internal_error",
    "database_error",
  ],
  handler: async (c) => {
    const token = JWT.exec(c.req.header("Authorization") ?? "")?.[1];
    if (!token) throw new ApiError("invalid_token", "Send the person's end-user session token: Authorization: Bearer <jwt>.");
    const { platformId } = validate(platformIdPath, { platformId: c.req.param("platformId") });
    const { mode } = readQuery(c, publicModeQuery);
    await readJsonBody(c, z.strictObject({}));
    const joined = await joinPlatform({ ctx: publicContext(c), input: { platformId, mode: mode ?? "live", token } });
    return c.json({ ...joined, mode: mode ?? "live" });
  },
});
