/**
 * The SDK's types are generated from the API's OpenAPI document: this fails
 * when the committed src/generated/openapi.ts is not what the current routes
 * generate (run `pnpm --filter @dream-api/client generate`).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_TYPES_PATH, generateTypes } from "../scripts/openapi-types.js";

describe("src/generated/openapi.ts", () => {
  it("is exactly what api-multi's current OpenAPI document generates", async () => {
    const committed = readFileSync(GENERATED_TYPES_PATH, "utf8");
    const fresh = await generateTypes();
    expect(fresh.length).toBeGreaterThan(10_000);
    expect(committed === fresh, "src/generated/openapi.ts is stale: run `pnpm --filter @dream-api/client generate`").toBe(true);
  });

  it("covers every operation the SDK calls", () => {
    const committed = readFileSync(GENERATED_TYPES_PATH, "utf8");
    for (const id of [
      "usage.track",
      "usage.check",
      "customers.create",
      "customers.get",
      "customers.update",
      "customers.list",
      "customers.credits.list",
      "customers.credits.grant",
      "tiers.list",
      "tiers.listPublic",
      "checkout.create",
      "portal.create",
      "dashboard.get",
      "webhooks.endpoints.create",
      "webhooks.endpoints.list",
      "webhooks.endpoints.get",
      "webhooks.endpoints.update",
      "webhooks.endpoints.delete",
      "webhooks.endpoints.rotateSecret",
      "webhooks.endpoints.test",
      "webhooks.events.list",
      "webhooks.events.get",
      "webhooks.events.resend",
      "logs.list",
      "logs.get",
    ]) {
      expect(committed).toContain(`"${id}": {`);
    }
  });
});
