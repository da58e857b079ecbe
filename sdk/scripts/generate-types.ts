/** Writes src/generated/openapi.ts (see ./openapi-types.ts). */
import { writeOpenApiTypes } from "./lib/openapi-types.js";
import { SDK_TYPES } from "./openapi-types.js";

await writeOpenApiTypes([SDK_TYPES]);
