/**
 * What oauth-api answers, as zod schemas: the response half of its OpenAPI
 * document. Strict, so the contract test (test/openapi.test.ts) fails when
 * a route answers a field the document does not describe.
 */
import { errorModel } from "@dream-api/shared/openapi";
import { z } from "zod";

export const tierSchema = z
  .strictObject({
    name: z.string().meta({ description: "The tier's key (a slug), unique per platform; archived names stay taken.", example: "pro" }),
    displayName: z.string().meta({ example: "Pro" }),
    kind: z.enum(["subscription", "one_off"]).meta({ id: "TierKind" }),
    price: z.number().int().min(0).meta({ description: "Minor units (cents).", example: 1900 }),
    currency: z.string().meta({ description: "ISO 4217, lower case.", example: "usd" }),
    limit: z.number().int().nullable().meta({ description: "Monthly limit; null = unlimited (always null for one-off tiers)." }),
    features: z.array(z.string()),
    popular: z.boolean(),
    inventory: z.number().int().nullable().meta({ description: "One-off tiers: units left; null = not tracked." }),
    credits: z.number().int().nullable().meta({ description: "One-off tiers (credit packs): the credits a purchase adds to the end-user's balance; null = none." }),
    creditValidityDays: z.number().int().nullable().meta({ description: "Days a purchase's credits stay valid; null = they never expire." }),
    imageUrl: z.string().nullable(),
    description: z.string().nullable(),
    priceId: z.string().nullable().meta({ description: "Stripe price on the connected account; null for free tiers." }),
    productId: z.string().nullable(),
    sortOrder: z.number().int(),
    archived: z.boolean(),
  })
  .meta({ id: "Tier", description: "A pricing tier and its Stripe product and price." });

export const responses = {
  tiers: z.strictObject({ tiers: z.array(tierSchema) }).meta({ id: "TierList" }),
  tier: z.strictObject({ tier: tierSchema }).meta({ id: "TierResponse" }),
  copiedTiers: z
    .strictObject({
      tiers: z.array(tierSchema).meta({ description: "The live tiers after the copy." }),
      copied: z.array(z.string()).meta({ description: "The names copied by this call (empty when live already had them all).", example: ["free", "pro"] }),
    })
    .meta({ id: "CopiedTiers" }),
  connectStart: z
    .strictObject({
      url: z.string().meta({
        description: "Stripe's authorize page for this developer, with a signed single-use state.",
        example: "https://connect.stripe.com/oauth/authorize?response_type=code&client_id=ca_…&state=…",
      }),
    })
    .meta({ id: "ConnectStart" }),
  disconnected: z.strictObject({ connected: z.literal(false), accountId: z.string().meta({ example: "acct_1QxYz" }) }).meta({ id: "Disconnected" }),
} as const;

export const errorSchema = errorModel();
