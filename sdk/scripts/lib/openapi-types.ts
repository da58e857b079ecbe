/**
 * One generator for every client of the workers' OpenAPI documents — the SDK
 * (api-multi's) and the dashboard (all three): a worker's
 * `openApiDocument(serverUrl)` (src/openapi/document.ts, built from its
 * operation definitions) turned into TypeScript by openapi-typescript, so a
 * client's types cannot drift from what the worker validates and answers.
 * Each client names its targets and calls `writeOpenApiTypes` from its
 * `generate` script; its staleness test compares `generateOpenApiTypes` with
 * the committed file.
 *
 * Every document is built in a Node process of its own (./document-types.ts):
 * a document collects its models from zod's global registry, which is one
 * per worker bundle when deployed but would be shared by two documents
 * imported into one process — mixing their models, and clashing where two
 * workers name a model alike (api-multi's and oauth-api's `Tier`).
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface OpenApiTypesTarget {
  /** The worker whose document it is, as the header names it (`api-multi`). */
  worker: string;
  /** The worker's document module, exporting `openApiDocument(serverUrl)`. */
  document: URL;
  /** The generated file. */
  output: URL;
  /** The script that writes it and the command that runs that script, as the header names them. */
  script: string;
  command: string;
}

const DOCUMENT_TYPES_SCRIPT = fileURLToPath(new URL("./document-types.ts", import.meta.url));
/** tsx, as the SDK resolves it: the document modules are TypeScript. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function header(target: OpenApiTypesTarget): string {
  return `/**
 * Generated from ${target.worker}'s OpenAPI document by ${target.script}
 * (openapi-typescript). Do not edit: run \`${target.command}\`.
 */
/* eslint-disable */
`;
}

/** What `target.output` must contain for the worker's current document. */
export function generateOpenApiTypes(target: OpenApiTypesTarget): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", TSX_LOADER, DOCUMENT_TYPES_SCRIPT, target.document.href],
      // The worker's folder, so tsx compiles the document with the worker's tsconfig.
      { cwd: fileURLToPath(new URL(".", target.document)), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`Could not generate types from ${target.worker}'s OpenAPI document (${target.document.pathname}):\n${stderr || error.message}`));
        else resolve(header(target) + stdout);
      },
    );
  });
}

/** Writes every target's file (the documents are built side by side). */
export async function writeOpenApiTypes(targets: readonly OpenApiTypesTarget[]): Promise<void> {
  const generated = await Promise.all(targets.map(generateOpenApiTypes));
  targets.forEach((target, index) => {
    const path = fileURLToPath(target.output);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, generated[index]!);
    console.log(`wrote ${path}`);
  });
}
