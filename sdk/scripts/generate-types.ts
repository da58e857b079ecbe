/** Writes src/generated/openapi.ts (see ./openapi-types.ts). */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED_TYPES_PATH, generateTypes } from "./openapi-types.js";

const path = fileURLToPath(GENERATED_TYPES_PATH);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, await generateTypes());
console.log(`wrote ${path}`);
