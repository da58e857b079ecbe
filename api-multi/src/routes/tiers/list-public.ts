import { PUBLISHABLE_KEY_PATTERN } from "@dream-api/shared";
import { defineOperation } from "@dream-api/shared/hono";
import { z } from "zod";
import { type AppEnv, publicContext } from "../../context";
import { responses } from "../../models";
import { listPublicTiers } from "../../services/tiers/list";

/** A developer's public pricing: no auth (limited per client IP), no Stripe ids, any origin, cacheable for a minute. */
export const listPublicTiersOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/public/tiers",
  operationId: "tiers.listPublic",
  tag: "Tiers",
  summary: "List public tiers",
  description: "Your pricing and brand for a public page, by publishable key: no authentication, any origin, no Stripe ids, cacheable for 60 seconds. The brand is the one set for the key's mode.",
  auth: ["none"],
  cors: "public",
  request: { query: z.strictObject({ pk: z.string().regex(PUBLISHABLE_KEY_PATTERN).meta({ description: "Your publishable key.", example: "pk_test_7HqL2c9XkP4mN8rT1vW3yZ5b" }) }) },
  response: { status: 200, schema: responses.publicTiers, description: "The active tiers and the brand.", headers: { "Cache-Control": "`public, max-age=60`" } },
  limitPerClientIp: true,
  errors: ["invalid_request", "not_found", "invalid_api_key", "rate_limited", "internal_error", "database_error"],
  handler: async (c) => {
    const body = await listPublicTiers({ ctx: publicContext(c), input: { pk: c.req.query("pk") ?? "" } });
    c.header("Cache-Control", "public, max-age=60");
    return c.json(body);
  },
});
