/**
 * The SDK's API types, generated from api-multi's OpenAPI document (itself
 * generated from the routes' zod schemas) with openapi-typescript, so the
 * client's types cannot drift from the API: `pnpm --filter @dream-api/client
 * generate` writes src/generated/openapi.ts, and test/generated-types.test.ts
 * fails when the committed file differs from a fresh generation.
 */
import openapiTS, { astToString } from "openapi-typescript";

/** Loaded at run time: type-checking api-multi's sources belongs to api-multi (Workers types), not to the SDK. */
const DOCUMENT_MODULE: string = new URL("../../api-multi/src/openapi/document.ts", import.meta.url).href;

export const GENERATED_TYPES_PATH = new URL("../src/generated/openapi.ts", import.meta.url);

const HEADER = `/**
 * Generated from api-multi's OpenAPI document by sdk/scripts/generate-types.ts
 * (openapi-typescript). Do not edit: run \`pnpm --filter @dream-api/client generate\`.
 */
/* eslint-disable */
`;

export async function generateTypes(): Promise<string> {
  const { openApiDocument } = (await import(/* @vite-ignore */ DOCUMENT_MODULE)) as { openApiDocument: (serverUrl: string) => unknown };
  const document = openApiDocument("https://api.dream-api.dev");
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return HEADER + astToString(ast);
}
