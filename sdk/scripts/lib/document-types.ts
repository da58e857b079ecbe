/**
 * Run by ./openapi-types.ts, one process per document: prints the
 * openapi-typescript output (without header) for the document module whose
 * URL is the first argument.
 */
import openapiTS, { astToString } from "openapi-typescript";

/** The document's server; the generated types do not depend on it. */
const SERVER_URL = "https://api.dream-api.dev";

const [documentModule] = process.argv.slice(2);
if (!documentModule) throw new Error("usage: document-types.ts <file URL of a module exporting openApiDocument(serverUrl)>");
const { openApiDocument } = (await import(documentModule)) as { openApiDocument: (serverUrl: string) => unknown };
const ast = await openapiTS(openApiDocument(SERVER_URL) as Parameters<typeof openapiTS>[0], { alphabetize: false });
process.stdout.write(astToString(ast));
