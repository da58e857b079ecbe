/**
 * The part of a worker's operation list (`OPERATIONS` in
 * `<worker>/src/routes/index.ts`, built from `defineOperation` in
 * @dream-api/shared/hono) that the shared suites read: method, OpenAPI
 * path, who may call it and the request's schemas. Typed structurally (a
 * zod object is anything with a `shape`), so the test kit needs neither zod
 * nor the workers' source; who may call and how a path matches are the
 * workers' own (@dream-api/shared/operation), not a copy.
 */
import { pathMatcher, type Caller } from "@dream-api/shared/operation";

/** Who may call an operation, which callers present a credential, and the test for it: the workers' own (@dream-api/shared/operation). */
export { CREDENTIAL_CALLERS, needsCredential, type Caller, type CredentialCaller } from "@dream-api/shared/operation";

/** A zod object (or anything with the same `shape`): its keys are the fields. */
export interface ObjectSchemaLike {
  readonly shape: object;
}

export interface OperationLike {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI form: `/api/customers/{userId}`. */
  path: string;
  auth: readonly Caller[];
  request?: {
    params?: ObjectSchemaLike;
    query?: ObjectSchemaLike;
    headers?: ObjectSchemaLike;
    body?: { schema: unknown; example: Record<string, unknown> };
  };
}

/** `"POST /api/customers/{userId}"`: how tables name an operation. */
export function operationKey(operation: Pick<OperationLike, "method" | "path">): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** The operation a table names; a name that is not in the list fails the suite (the table has drifted). */
export function findOperation(operations: readonly OperationLike[], key: string): OperationLike {
  const found = operations.find((operation) => operationKey(operation) === key);
  if (!found) throw new Error(`no operation ${key} in the list (${operations.map(operationKey).join(", ")})`);
  return found;
}

/** Whether the path of a request (query ignored) is one of `template`'s paths: a `{name}` is one non-empty segment (the route table's own matcher). */
export function matchesPath(template: string, path: string): boolean {
  return pathMatcher(template).test(path.split("?")[0] ?? "");
}

/** The operation a concrete request (`GET /api/customers/b-user?x=1`) reaches; none fails the suite. */
export function operationOf(operations: readonly OperationLike[], method: string, path: string): OperationLike {
  const found = operations.find((operation) => operation.method === method.toLowerCase() && matchesPath(operation.path, path));
  if (!found) throw new Error(`${method} ${path} reaches no operation in the list`);
  return found;
}

/** The names of a schema's fields. */
export function fieldsOf(schema: ObjectSchemaLike | undefined): string[] {
  return schema ? Object.keys(schema.shape) : [];
}

/** The fields of an operation's JSON body (its schema's, or a union's, else its example's); undefined when it takes none. */
export function bodyFieldsOf(operation: OperationLike): string[] | undefined {
  const body = operation.request?.body;
  if (!body) return undefined;
  const schema = body.schema as { shape?: object; options?: readonly { shape?: object }[] } | null;
  if (schema?.shape) return Object.keys(schema.shape);
  if (schema?.options) return [...new Set(schema.options.flatMap((option) => (option.shape ? Object.keys(option.shape) : [])))];
  return Object.keys(body.example);
}

/** The `{name}` parameters of an OpenAPI path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/** The path with each `{name}` replaced by `values[name]`. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** The fixed part of a path, before its first parameter: `/api/customers/{userId}` → `/api/customers`. */
export function staticPrefix(path: string): string {
  const cut = path.indexOf("{");
  return cut === -1 ? path : path.slice(0, cut).replace(/\/$/, "");
}
