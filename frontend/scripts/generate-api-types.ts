/** Writes src/api/generated/<worker>.ts for the three workers (see ./api-types.ts). */
import { writeOpenApiTypes } from "../../sdk/scripts/lib/openapi-types.ts";
import { API_TYPES } from "./api-types.ts";

await writeOpenApiTypes(API_TYPES);
