/**
 * The dashboard's API types are generated from the workers' OpenAPI
 * documents: this fails when a committed src/api/generated/<worker>.ts is not
 * what that worker's current operation definitions generate (run
 * `pnpm --filter @dream-api/frontend generate`). Each document is built in a
 * process of its own (see sdk/scripts/lib/openapi-types.ts), a few seconds each.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateOpenApiTypes } from "../../sdk/scripts/lib/openapi-types.ts";
import { API_TYPES } from "../scripts/api-types.ts";

for (const target of API_TYPES) {
  describe(`src/api/generated/${target.worker}.ts`, () => {
    it(`is exactly what ${target.worker}'s current OpenAPI document generates`, { timeout: 120_000 }, async () => {
      const committed = readFileSync(target.output, "utf8");
      const fresh = await generateOpenApiTypes(target);
      expect(fresh).toContain("export interface paths {");
      expect(committed === fresh, `src/api/generated/${target.worker}.ts is stale: run \`pnpm --filter @dream-api/frontend generate\``).toBe(true);
    });
  });
}
