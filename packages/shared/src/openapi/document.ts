/**
 * A worker's OpenAPI 3.1 document, derived from its operation definitions
 * with zod's own JSON Schema output (draft 2020-12, OpenAPI 3.1's schema
 * dialect), so a reference cannot drift from what the routes validate and
 * answer. Each worker gives its title, tags, security schemes, error model
 * and error examples; everything else is the same for all three.
 */
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../errors";
import { needsCredential, type Caller, type OperationDefinition } from "../hono/operation";

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  /** Requests the worker sends to developers' endpoints (OpenAPI 3.1 `webhooks`), keyed by event type; only in documents that declare some. */
  webhooks?: Record<string, { post: OpenApiWebhookOperation }>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema; example: unknown }> };
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: JsonSchema; example?: unknown; examples?: Record<string, unknown> }> }>;
  "x-error-codes": ErrorCode[];
}

/** A request the worker sends, as the receiver sees it: headers, the signed body, and what to answer. */
export interface OpenApiWebhookOperation {
  summary: string;
  description: string;
  parameters: OpenApiParameter[];
  requestBody: { required: true; content: Record<string, { schema: JsonSchema; example: unknown }> };
  responses: Record<string, { description: string }>;
}

/**
 * One outgoing request type (an OpenAPI 3.1 webhook): `name` is its key in
 * `webhooks` (the event type), `body` a named model (it becomes a
 * component) with an optional example, `headers` the request headers the worker sets, and
 * `responses` what the receiver answers (e.g. `{ "2XX": "Received." }`).
 */
export interface WebhookDefinition {
  name: string;
  summary: string;
  description: string;
  body: z.ZodType;
  /** An example body; default: one built from the model's own examples. */
  example?: unknown;
  headers?: z.ZodObject;
  responses: Record<string, string>;
}

export interface DocumentSettings {
  info: { title: string; version: string; summary: string; description: string };
  tags: readonly { name: string; description: string }[];
  operations: readonly OperationDefinition[];
  /** The security scheme (name and definition) of each credential caller the worker accepts; the first is the document's default. */
  securitySchemes: Partial<Record<Caller, { name: string; scheme: JsonSchema }>>;
  /** The worker's error body model (a named zod model). */
  errorSchema: z.ZodType;
  /** What the worker sends to developers' endpoints: the document's `webhooks`, in this order. */
  webhooks?: readonly WebhookDefinition[];
  /** Codes every call with a credential may answer, besides its own. */
  authErrors: readonly ErrorCode[];
  /** Example messages, as the worker words them; and extra top-level fields of some codes' example bodies. */
  errorExamples: { messages: Partial<Record<ErrorCode, string>>; extras?: (code: ErrorCode, components: Record<string, JsonSchema>) => Record<string, unknown> };
}

const COMPONENT_URI = (id: string) => `#/components/schemas/${id}`;

/** Every code `operation` may answer: its own, and the authentication ones when it takes a credential. */
export function errorCodesOf(operation: Pick<OperationDefinition, "auth" | "errors">, authErrors: readonly ErrorCode[]): ErrorCode[] {
  return [...new Set([...(needsCredential(operation) ? authErrors : []), ...operation.errors])];
}

/** A request part (body, query, headers, path) as inline JSON Schema, as a client sends it (zod's input side: defaults optional). */
function requestSchema(schema: z.ZodType): JsonSchema {
  return clean(z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema);
}

/** A response model: always a named component (`.meta({ id })`), referenced. */
function componentRef(schema: z.ZodType): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("Every response schema must be a named model: give it .meta({ id }).");
  return { $ref: COMPONENT_URI(id) };
}

function clean(json: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _uri, id: _id, ...rest } = json;
  return rest;
}

/** Every named model of this worker's bundle (zod's global registry). */
function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: "output", target: "draft-2020-12", unrepresentable: "any", uri: COMPONENT_URI });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, clean(schema as JsonSchema)]));
}

/** A plausible value for `schema`: its own example, else one built from its shape. Used where an operation gives none. */
export function exampleOf(schema: JsonSchema, components: Record<string, JsonSchema>): unknown {
  if ("example" in schema) return schema["example"];
  if (Array.isArray(schema["examples"]) && schema["examples"].length > 0) return schema["examples"][0];
  if (typeof schema["$ref"] === "string") {
    const target = components[schema["$ref"].replace(COMPONENT_URI(""), "")];
    return target ? exampleOf(target, components) : null;
  }
  if ("const" in schema) return schema["const"];
  if (Array.isArray(schema["enum"])) return schema["enum"][0];
  if ("default" in schema) return schema["default"];
  const variants = (schema["anyOf"] ?? schema["oneOf"]) as JsonSchema[] | undefined;
  if (variants) {
    const nonNull = variants.find((variant) => variant["type"] !== "null") ?? variants[0];
    return nonNull ? exampleOf(nonNull, components) : null;
  }
  switch (schema["type"]) {
    case "object": {
      const properties = (schema["properties"] ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema["required"] ?? []) as string[]);
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([name]) => required.has(name))
          .map(([name, property]) => [name, exampleOf(property, components)]),
      );
    }
    case "array":
      return schema["items"] ? [exampleOf(schema["items"] as JsonSchema, components)] : [];
    case "string":
      return schema["format"] === "date-time" ? "2026-11-01T00:00:00.000Z" : "string";
    case "integer":
    case "number":
      return typeof schema["minimum"] === "number" ? schema["minimum"] : 0;
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return null;
  }
}

function parameters(operation: Pick<OperationDefinition, "request">): OpenApiParameter[] {
  const groups: [OpenApiParameter["in"], z.ZodObject | undefined][] = [
    ["path", operation.request?.params],
    ["query", operation.request?.query],
    ["header", operation.request?.headers],
  ];
  return groups.flatMap(([location, object]) => {
    if (!object) return [];
    const json = requestSchema(object);
    const required = new Set((json["required"] ?? []) as string[]);
    return Object.entries((json["properties"] ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => {
      const { description, example, ...rest } = schema;
      return {
        name,
        in: location,
        required: location === "path" || required.has(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
        ...(example !== undefined ? { example } : {}),
      };
    });
  });
}

function errorResponses(codes: ErrorCode[], settings: DocumentSettings, components: Record<string, JsonSchema>): OpenApiOperation["responses"] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_CODES[code], [...(byStatus.get(ERROR_CODES[code]) ?? []), code]);
  const errorRef = componentRef(settings.errorSchema);
  const errorId = (errorRef["$ref"] as string).replace(COMPONENT_URI(""), "");
  const base = exampleOf(components[errorId] ?? {}, components) as { requestId?: unknown };
  const example = (code: ErrorCode) => ({
    error: { code, message: settings.errorExamples.messages[code] ?? `An error with code ${code}.` },
    requestId: base.requestId,
    ...settings.errorExamples.extras?.(code, components),
  });
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, statusCodes]) => [
        String(status),
        {
          description: statusCodes.map((code) => `\`${code}\``).join(", "),
          ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "string" } } } } : {}),
          content: {
            "application/json": {
              schema: errorRef,
              examples: Object.fromEntries(statusCodes.map((code) => [code, { summary: code, value: example(code) }])),
            },
          },
        },
      ]),
  );
}

function buildOperation(operation: OperationDefinition, settings: DocumentSettings, components: Record<string, JsonSchema>): OpenApiOperation {
  const errorCodes = errorCodesOf(operation, settings.authErrors);
  const { response } = operation;
  const headers = {
    "X-Request-Id": { description: "This call's id; quote it to support.", schema: { type: "string" } },
    ...Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: "string" } }])),
  };
  const contentType = response.contentType ?? "application/json";
  const responseSchema = response.schema ? componentRef(response.schema) : null;
  const content = responseSchema ? { content: { [contentType]: { schema: responseSchema, ...(contentType === "application/json" ? { example: exampleOf(responseSchema, components) } : {}) } } } : {};
  const security = operation.auth.flatMap((caller) => {
    const scheme = settings.securitySchemes[caller];
    return scheme ? [{ [scheme.name]: [] as string[] }] : [];
  });
  const body = operation.request?.body;
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    security,
    parameters: parameters(operation),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: requestSchema(body.schema), example: body.example } } } } : {}),
    responses: {
      [String(response.status)]: { description: response.description, headers, ...content },
      ...(response.also ? { [String(response.also.status)]: { description: response.also.description, headers, ...content } } : {}),
      ...errorResponses(errorCodes, settings, components),
    },
    "x-error-codes": errorCodes,
  };
}

function buildWebhook(webhook: WebhookDefinition, components: Record<string, JsonSchema>): OpenApiWebhookOperation {
  const schema = componentRef(webhook.body);
  return {
    summary: webhook.summary,
    description: webhook.description,
    parameters: parameters({ request: webhook.headers ? { headers: webhook.headers } : undefined }),
    requestBody: { required: true, content: { "application/json": { schema, example: webhook.example ?? exampleOf(schema, components) } } },
    responses: Object.fromEntries(Object.entries(webhook.responses).map(([status, description]) => [status, { description }])),
  };
}

/** The document without its server (which depends on the origin it is served from). */
export function buildOpenApiDocument(settings: DocumentSettings): Omit<OpenApiDocument, "servers"> {
  const schemas = componentSchemas();
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of settings.operations) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: buildOperation(operation, settings, schemas) };
  }
  const schemes = Object.values(settings.securitySchemes);
  return {
    openapi: "3.1.0",
    info: { ...settings.info },
    tags: settings.tags.map((tag) => ({ ...tag })),
    security: schemes[0] ? [{ [schemes[0].name]: [] }] : [],
    paths,
    ...(settings.webhooks ? { webhooks: Object.fromEntries(settings.webhooks.map((webhook) => [webhook.name, { post: buildWebhook(webhook, schemas) }])) } : {}),
    components: { schemas, securitySchemes: Object.fromEntries(schemes.map(({ name, scheme }) => [name, scheme])) },
  };
}

/**
 * A worker's document, built once per isolate (on first use) and served
 * with the origin it is requested from as its server.
 */
export function openApiDocumentOf(settings: () => DocumentSettings): (serverUrl: string) => OpenApiDocument {
  let built: Omit<OpenApiDocument, "servers"> | undefined;
  return (serverUrl) => {
    built ??= buildOpenApiDocument(settings());
    return { ...built, servers: [{ url: serverUrl }] } as OpenApiDocument;
  };
}
