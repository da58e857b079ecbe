/**
 * The SDK's API types, generated from api-multi's OpenAPI document (itself
 * generated from the routes' zod schemas) by the generator the dashboard
 * shares (./lib/openapi-types.ts), so the client's types cannot drift from
 * the API: `pnpm --filter @dream-api/client generate` writes
 * src/generated/openapi.ts, and test/generated-types.test.ts fails when the
 * committed file differs from a fresh generation.
 */
import { generateOpenApiTypes, type OpenApiTypesTarget } from "./lib/openapi-types.js";

export const SDK_TYPES: OpenApiTypesTarget = {
  worker: "api-multi",
  document: new URL("../../api-multi/src/openapi/document.ts", import.meta.url),
  output: new URL("../src/generated/openapi.ts", import.meta.url),
  script: "sdk/scripts/generate-types.ts",
  command: "pnpm --filter @dream-api/client generate",
};

export const GENERATED_TYPES_PATH = SDK_TYPES.output;

export function generateTypes(): Promise<string> {
  return generateOpenApiTypes(SDK_TYPES);
}
