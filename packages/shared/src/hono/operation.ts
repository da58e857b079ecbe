/**
 * One operation, one definition: method, path, who may call it, request and
 * response schemas, the error codes it can answer, and its handler. A
 * worker's route table, the authentication each route requires and its
 * OpenAPI document are all derived from its list of definitions, so adding
 * an operation is one new file (and its test).
 */
import type { Env as HonoEnv, Handler, Hono, MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { ErrorCode } from "../errors";

/**
 * Who may call an operation:
 * - `secretKey`: a developer's backend (`Authorization: Bearer sk_…`);
 * - `endUserSession`: an end-user's own session JWT (shared end-user app), for itself only;
 * - `developerSession`: a developer's dashboard session JWT (the "dream-api" app);
 * - `stripeSignature`: Stripe, proven by the `Stripe-Signature` of the body;
 * - `signedState`: a browser sent back by a third party with a state we signed (OAuth callback);
 * - `none`: anyone (with `limitPerClientIp` where each call costs storage).
 */
export type Caller = "secretKey" | "endUserSession" | "developerSession" | "stripeSignature" | "signedState" | "none";

/** The callers that present a credential in `Authorization` (the others prove themselves otherwise, or need nothing). */
export const CREDENTIAL_CALLERS = ["secretKey", "endUserSession", "developerSession"] as const satisfies readonly Caller[];
export type CredentialCaller = (typeof CREDENTIAL_CALLERS)[number];

/** Whether `operation` needs an `Authorization` credential. */
export function needsCredential(operation: Pick<OperationDefinition, "auth">): boolean {
  return operation.auth.some((caller) => (CREDENTIAL_CALLERS as readonly Caller[]).includes(caller));
}

export interface OperationRequest {
  /** Path parameters (OpenAPI `{name}` segments). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: { schema: z.ZodType; example: Record<string, unknown> };
}

export interface OperationResponse {
  status: 200 | 201 | 202 | 302;
  /** A second success status with the same body (e.g. 200 when an idempotent create found the thing already made), and when. */
  also?: { status: 200 | 201; description: string };
  /** A named model (`.meta({ id })`); none for a redirect. */
  schema?: z.ZodType;
  description: string;
  /** Headers the response carries, with what they mean. */
  headers?: Record<string, string>;
  contentType?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a list holds definitions of one worker's env, and shared code reads them without knowing it.
export interface OperationDefinition<E extends HonoEnv = any> {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI form: `/api/customers/{userId}`. */
  path: string;
  /** The client method that calls it, e.g. `customers.create`. */
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** Alternatives: any one of these callers may call it. */
  auth: readonly Caller[];
  /**
   * Which browsers may read its answers: the dashboard's origins
   * (`allowList`, the default), any origin with a bearer token
   * (`anyOrigin`: end-user sessions from developers' sites), or anyone
   * (`public`: `Access-Control-Allow-Origin: *`). Default: `anyOrigin` when
   * end-user sessions may call it, else `allowList`.
   */
  cors?: "allowList" | "anyOrigin" | "public";
  /**
   * Limited per client IP (CLIENT_IP_RATE_LIMITER, 429 `rate_limited`): for
   * operations anyone may call whose every call costs storage reads or
   * writes (a public lookup by key, an OAuth callback). Health and the
   * reference are not limited.
   */
  limitPerClientIp?: boolean;
  request?: OperationRequest;
  response: OperationResponse;
  /** Codes it may answer besides those its authentication may (see the worker's document). */
  errors: readonly ErrorCode[];
  handler: Handler<E>;
}

/** Identity with the definition's type checked: `export const trackUsage = defineOperation<AppEnv>({ … })`. */
export function defineOperation<E extends HonoEnv>(definition: OperationDefinition<E>): OperationDefinition<E> {
  return definition;
}

/** The CORS policy of an operation (see OperationDefinition.cors). */
export function corsOf(operation: Pick<OperationDefinition, "auth" | "cors">): NonNullable<OperationDefinition["cors"]> {
  return operation.cors ?? (operation.auth.includes("endUserSession") ? "anyOrigin" : "allowList");
}

/** Hono's form of an OpenAPI path: `/api/customers/{userId}` → `/api/customers/:userId`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/** A matcher for request paths of an OpenAPI path template (a parameter is one non-empty segment). */
export function pathMatcher(path: string): RegExp {
  const pattern = path
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}$`);
}

/**
 * Registers every operation on `app`: its method and path, the middleware
 * its definition calls for (`middlewareFor`: authentication, rate limits),
 * then its handler. This is the worker's whole route table.
 */
export function registerOperations<E extends HonoEnv>(app: Hono<E>, operations: readonly OperationDefinition<E>[], middlewareFor: (operation: OperationDefinition<E>) => MiddlewareHandler<E>[]): void {
  // Hono's overloads type each handler position; the derived chain is a list.
  const on = app.on.bind(app) as unknown as (method: string, path: string, ...handlers: (MiddlewareHandler<E> | Handler<E>)[]) => void;
  for (const operation of operations) {
    on(operation.method.toUpperCase(), honoPath(operation.path), ...middlewareFor(operation), operation.handler);
  }
}
