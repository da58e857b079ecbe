/**
 * A worker's contract in one call: every operation it serves (its API, then
 * its health, its /openapi.json and any page rendered from the document),
 * the document built from them, and the error codes each may answer. The
 * route table (createWorkerApp) and the contract tests read the same list.
 */
import type { Env as HonoEnv } from "hono";
import type { ErrorCode } from "../errors";
import type { OperationDefinition } from "../hono/operation";
import { errorCodesOf, openApiDocumentOf, type DocumentSettings, type OpenApiDocument } from "./document";
import { healthOperation, openApiJsonOperation } from "./operations";

export interface WorkerContractSettings<E extends HonoEnv> extends Omit<DocumentSettings, "operations"> {
  /** The worker's name, as /health says it. */
  service: string;
  /** Its API: routes/index.ts's OPERATIONS. */
  operations: readonly OperationDefinition<E>[];
  /** Operations that render the document (api-multi's /docs). */
  pages?: (document: (serverUrl: string) => OpenApiDocument) => OperationDefinition<E>[];
}

export interface WorkerContract<E extends HonoEnv> {
  /** Every operation the worker serves, in the document's order. */
  allOperations: readonly OperationDefinition<E>[];
  /** The document, with `serverUrl` (the origin it is served from) as its server. */
  openApiDocument: (serverUrl: string) => OpenApiDocument;
  /** Every code an operation may answer: its own, and the authentication ones when it takes a credential. */
  errorCodesOf: (operation: Pick<OperationDefinition, "auth" | "errors">) => ErrorCode[];
}

export function workerContract<E extends HonoEnv>({ service, operations, pages, ...document }: WorkerContractSettings<E>): WorkerContract<E> {
  const openApiDocument = openApiDocumentOf(() => ({ ...document, operations: allOperations }));
  const allOperations: readonly OperationDefinition<E>[] = [...operations, healthOperation<E>(service), openApiJsonOperation<E>(openApiDocument), ...(pages?.(openApiDocument) ?? [])];
  return { allOperations, openApiDocument, errorCodesOf: (operation) => errorCodesOf(operation, document.authErrors) };
}

export interface DeveloperWorkerContractSettings<E extends HonoEnv> extends Omit<WorkerContractSettings<E>, "securitySchemes" | "authErrors" | "tags" | "pages"> {
  /** The worker's own tags; "System" (health and the document) is added last. */
  tags: readonly { name: string; description: string }[];
}

/**
 * The contract of a worker the dashboard calls with developer sessions
 * (front-auth-api, oauth-api): the session's security scheme, the errors
 * any session may answer and their wording are the same for both.
 */
export function developerWorkerContract<E extends HonoEnv>({ tags, errorExamples, ...settings }: DeveloperWorkerContractSettings<E>): WorkerContract<E> {
  return workerContract<E>({
    ...settings,
    tags: [...tags, { name: "System", description: "Health and this document." }],
    securitySchemes: {
      developerSession: {
        name: "developerSession",
        scheme: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: 'The developer\'s session token of the "dream-api" Clerk app; its `azp` must be one of CLERK_AUTHORIZED_PARTIES.' },
      },
    },
    // `clerk_error`: Clerk's keys for the token could not be loaded.
    authErrors: ["unauthenticated", "rate_limited", "internal_error", "database_error", "clerk_error", "misconfigured"],
    errorExamples: { ...errorExamples, messages: { unauthenticated: "The session token is invalid or expired. Sign in again.", ...errorExamples.messages } },
  });
}
