import { MAX_TIERS, tierInputSchema, validate } from "@dream-api/shared";
import { defineOperation, readJsonBody, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { type AppEnv, tierModeQuery, tierServiceContext } from "../../context";
import { responses } from "../../models";
import { createTiers } from "../../services/tiers/create";

/** One tier, or `{ tiers: [...] }` with up to MAX_TIERS of them. */
const severalTiers = z.strictObject({ tiers: z.array(tierInputSchema).min(1).max(MAX_TIERS, `must hold at most ${MAX_TIERS} tiers`) });
const createBody = z.union([severalTiers, tierInputSchema]);

/** Passes the parsed body through untouched (no copy), for the strict schemas to judge every own key. */
const jsonObject = z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value));

export const createTiersOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/products",
  operationId: "tiers.create",
  tag: "Tiers",
  summary: "Create tiers",
  description:
    "One tier, or `{ tiers: [...] }`: all land or none. Paid tiers get a product and price on the connected account (monthly recurring for subscriptions). A taken name is 409 `conflict`; at most 20 active tiers, under any concurrency.",
  auth: ["developerSession"],
  request: {
    query: tierModeQuery,
    body: {
      schema: createBody,
      example: { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10000, features: ["10k calls"], popular: true },
    },
  },
  response: { status: 201, schema: responses.tiers, description: "The tiers created." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "conflict", "stripe_not_connected", "stripe_error", "live_mode_unavailable"],
  handler: async (c) => {
    // The parsed JSON object itself (readJsonBody refuses non-objects): a pre-parse that copies keys
    // (z.record) would drop an own "__proto__" field instead of letting the strict schema refuse it.
    const raw = await readJsonBody(c, jsonObject);
    // Validate the shape the caller chose, so errors name the right field.
    const body = Object.hasOwn(raw, "tiers") ? validate(severalTiers, raw) : validate(tierInputSchema, raw);
    const input = "tiers" in body ? body.tiers : [body];
    return c.json({ tiers: await createTiers({ ctx: tierServiceContext(c, readQuery(c, tierModeQuery).mode), input }) }, 201);
  },
});
