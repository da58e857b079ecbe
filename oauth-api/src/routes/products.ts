import { MAX_TIERS, tierInputSchema, tierNameSchema, tierPatchSchema } from "@dream-api/shared";
import { readJsonBody, validate } from "@dream-api/shared/hono";
import { listTiers } from "@dream-api/shared/db";
import { Hono } from "hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../context";
import { createTiers } from "../services/tiers/create";
import { archiveTier, updateTier } from "../services/tiers/update";

/** One tier, or `{ tiers: [...] }` with up to MAX_TIERS of them. */
const createBody = z.union([
  z.strictObject({ tiers: z.array(tierInputSchema).min(1).max(MAX_TIERS, `must hold at most ${MAX_TIERS} tiers`) }),
  tierInputSchema,
]);

/** Passes the parsed body through untouched (no copy), for the strict schemas to judge every own key. */
const jsonObject = z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value));

function tierName(value: string): string {
  return validate(tierNameSchema, value);
}

export const productRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ tiers: await listTiers(c.env.DB, c.get("platform").platformId) }))
  .post("/", async (c) => {
    // The parsed JSON object itself (readJsonBody refuses non-objects): a pre-parse that copies keys
    // (z.record) would drop an own "__proto__" field instead of letting the strict schema refuse it.
    const raw = await readJsonBody(c, jsonObject);
    // Validate the shape the caller chose, so errors name the right field.
    const body = Object.hasOwn(raw, "tiers") ? validate(createBody.options[0], raw) : validate(tierInputSchema, raw);
    const input = "tiers" in body ? body.tiers : [body];
    return c.json({ tiers: await createTiers({ ctx: serviceContext(c), input }) }, 201);
  })
  .patch("/:name", async (c) => {
    const name = tierName(c.req.param("name"));
    const patch = await readJsonBody(c, tierPatchSchema);
    return c.json({ tier: await updateTier({ ctx: serviceContext(c), input: { name, patch } }) });
  })
  .delete("/:name", async (c) => {
    const name = tierName(c.req.param("name"));
    return c.json({ tier: await archiveTier({ ctx: serviceContext(c), input: { name } }) });
  });
