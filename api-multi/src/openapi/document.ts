/**
 * The OpenAPI 3.1 document of api-multi, generated from ./operations with
 * zod's own JSON Schema output (draft 2020-12, which is OpenAPI 3.1's
 * schema dialect), so the reference cannot drift from what routes validate.
 */
import { ERROR_CODES, type ErrorCode } from "@dream-api/shared";
import { z } from "zod";
import { errorSchema } from "./models";
import { OPERATIONS, TAGS, errorCodesOf, type Operation, type Security } from "./operations";

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
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

const COMPONENT_URI = (id: string) => `#/components/schemas/${id}`;

const SECURITY_SCHEMES: Record<Security, JsonSchema> = {
  secretKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "sk_live_… / sk_test_…",
    description: "Your secret key, from your backend only. Test keys see test data; a free developer's test key is a preview (at most 100 end-users).",
  },
  endUserToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "An end-user's session token from the shared end-user Clerk app (its `publishableKey` claim names your platform). It may act only for its own user.",
  },
  developerSession: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The dream-api dashboard's own developer session (read-only routes).",
  },
};

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

function parameters(operation: Operation): OpenApiParameter[] {
  const groups: [OpenApiParameter["in"], z.ZodObject | undefined][] = [
    ["path", operation.pathParams],
    ["query", operation.query],
    ["header", operation.headers],
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

function errorResponses(codes: ErrorCode[], components: Record<string, JsonSchema>): OpenApiOperation["responses"] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_CODES[code], [...(byStatus.get(ERROR_CODES[code]) ?? []), code]);
  const errorRef = componentRef(errorSchema);
  const base = exampleOf(components["Error"] ?? {}, components) as { requestId?: unknown };
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
              examples: Object.fromEntries(
                statusCodes.map((code) => [code, { summary: code, value: errorExample(code, base.requestId, components) }]),
              ),
            },
          },
        },
      ]),
  );
}

function errorExample(code: ErrorCode, requestId: unknown, components: Record<string, JsonSchema>) {
  const usage = code === "usage_limit_exceeded" ? { usage: { ...(exampleOf(components["Usage"] ?? {}, components) as object), count: 100, remaining: 0 } } : {};
  const portal = code === "already_subscribed" ? { portalUrl: "https://billing.stripe.com/p/session/test_YWNjdF8xTjJx" } : {};
  return { error: { code, message: ERROR_EXAMPLE_MESSAGES[code] ?? `An error with code ${code}.` }, requestId, ...usage, ...portal };
}

/** Example messages, as the API words them (a message is for humans and may change; switch on `code`). */
const ERROR_EXAMPLE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  unauthorized: "Missing Authorization header. Send `Authorization: Bearer sk_…`.",
  invalid_api_key: "The API key is invalid, revoked or expired. Use your secret key (sk_live_… or sk_test_…) as a Bearer token.",
  invalid_json: "The request body is not valid JSON.",
  invalid_request: "email: must be a valid email address",
  usage_limit_exceeded: "Usage limit reached: 100 of 100 used this period; 1 more would exceed it.",
  rate_limited: "Too many requests for this end-user. Retry after 60 seconds.",
  customer_not_found: 'No customer with userId "user_42".',
  idempotency_key_reused: "This Idempotency-Key was already used with a different request in the last 24 hours.",
  body_too_large: "The request body is larger than 64 KiB.",
  invalid_id: "userId may contain only letters, digits and _ . : @ + - (starting with a letter or digit).",
  unknown_plan: '"gold" is not an active tier of this platform (tiers: free, pro).',
  unknown_tier: '"gold" is not an active tier of this platform.',
  sold_out: '"lifetime" is sold out.',
  already_subscribed: 'Customer "user_42" already has an active subscription (plan "pro"). Change plans or fix the payment in the billing portal (portalUrl) instead of starting a second subscription.',
  idempotency_key_in_progress: "A request with this Idempotency-Key is still being processed. Retry after 1 second to get its response.",
  no_billing_account: 'Customer "user_42" has not paid yet, so there is no billing account to manage.',
  conflict: 'The end-user\'s plan "legacy" is not a tier of this platform. Change the plan with PATCH /api/customers/user_42.',
  invalid_token: "The end-user session token is invalid or expired.",
  customer_exists: 'A customer with userId "user_42" already exists.',
  email_in_use: "ada@example.com is already registered as an end-user.",
  no_tiers_configured: "This platform has no pricing tier yet. Create a tier before adding customers.",
  preview_limit_reached: "Preview mode allows 100 end-users. Subscribe to the paid plan ($15/month) to use live keys without this cap.",
  forbidden: "An end-user session can only act for its own user.",
  stripe_not_connected: "This platform has no connected Stripe account. The developer must connect Stripe to take payments.",
  stripe_error: "Stripe could not create the checkout session (status 500). Nothing was changed; retry the request.",
  clerk_error: "Clerk could not create the user (status 500). Nothing was changed; retry the request.",
  invalid_signature: "The Stripe signature does not match the payload, or its timestamp is too old.",
  internal_error: "Something went wrong on our side. Try again; if it persists, contact support with the request id.",
  database_error: "The plan could not be saved. Nothing was changed; retry the request.",
  not_found: "No platform has this publishable key.",
};

function buildOperation(operation: Operation, components: Record<string, JsonSchema>): OpenApiOperation {
  const responseSchema = componentRef(operation.response.schema);
  const errorCodes = errorCodesOf(operation);
  const contentType = operation.response.contentType ?? "application/json";
  const headers = {
    "X-Request-Id": { description: "This call's id; quote it to support.", schema: { type: "string" } },
    ...Object.fromEntries(Object.entries(operation.response.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: "string" } }])),
  };
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    security: operation.security.map((name) => ({ [name]: [] })),
    parameters: parameters(operation),
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: requestSchema(operation.body.schema), example: operation.body.example } } } }
      : {}),
    responses: {
      [String(operation.response.status)]: {
        description: operation.response.description,
        headers,
        content: { [contentType]: { schema: responseSchema, ...(contentType === "application/json" ? { example: exampleOf(responseSchema, components) } : {}) } },
      },
      ...errorResponses(errorCodes, components),
    },
    "x-error-codes": errorCodes,
  };
}

let cached: Omit<OpenApiDocument, "servers"> | undefined;

/** The document, with `serverUrl` (the origin it is served from) as its server. */
export function openApiDocument(serverUrl: string): OpenApiDocument {
  cached ??= build();
  return { ...cached, servers: [{ url: serverUrl }] } as OpenApiDocument;
}

function build(): Omit<OpenApiDocument, "servers"> {
  // Every named model is registered by importing ./operations (and ./models) above.
  const schemas = componentSchemas();
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: buildOperation(operation, schemas) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "dream-api",
      version: "1.0.0",
      summary: "Auth, billing and usage limits for your API, on your own Stripe account.",
      description:
        "Call it from your backend with your secret key: register end-users, count their usage against their tier's monthly limit, and sell upgrades through Stripe Checkout. Every error has the same shape — `{ error: { code, message, param? }, requestId }` — and its HTTP status follows from `code`. Every success body carries `mode`.\n\nRate limits (429 `rate_limited` with `Retry-After`), each caller with its own buckets: 100 requests/min per end-user (your backend naming the user, or the end-user's own session); 6,000/min per secret key; 6,000/min per publishable key for all end-user sessions of your app together (counted per end-user first, and never spending your secret key's bucket); and per client IP for calls without a credential and for lookups of keys not seen recently.\n\nKeys: a rotated-out or revoked key is refused within 90 seconds (the revocation bound); a rotation's grace period longer than that ends exactly.",
    },
    tags: TAGS.map((tag) => ({ ...tag })),
    security: [{ secretKey: [] }],
    paths,
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
