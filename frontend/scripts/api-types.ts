/**
 * The dashboard's API types: one file per worker it calls, generated from
 * that worker's OpenAPI document by the generator the SDK shares
 * (sdk/scripts/lib/openapi-types.ts). `pnpm --filter @dream-api/frontend
 * generate` writes them; test/generated-api-types.test.ts fails when one falls
 * behind its worker. src/api/models.ts names the shapes the dashboard uses.
 */
import type { OpenApiTypesTarget } from "../../sdk/scripts/lib/openapi-types.ts";

const target = (worker: string): OpenApiTypesTarget => ({
  worker,
  document: new URL(`../../${worker}/src/openapi/document.ts`, import.meta.url),
  output: new URL(`../src/api/generated/${worker}.ts`, import.meta.url),
  script: "frontend/scripts/generate-api-types.ts",
  command: "pnpm --filter @dream-api/frontend generate",
});

export const API_TYPES: readonly OpenApiTypesTarget[] = [target("api-multi"), target("front-auth-api"), target("oauth-api")];
