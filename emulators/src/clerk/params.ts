import type { Context } from "hono";
import { clerkErrors } from "./errors.js";
import type { Metadata } from "./types.js";

/**
 * How one body parameter is read. `ignored` is accepted and has no effect here
 * (flags such as `skip_password_checks`); `unsupported` is part of Clerk's API
 * but not emulated, so it is refused rather than silently dropped.
 */
export type ParamKind = "string" | "string[]" | "boolean" | "integer" | "object" | "timestamp" | "ignored" | "unsupported";

export type ParamSpec = Readonly<Record<string, ParamKind>>;

type ValueOf<K extends ParamKind> = K extends "string"
  ? string
  : K extends "string[]"
    ? string[]
    : K extends "boolean"
      ? boolean
      : K extends "integer"
        ? number
        : K extends "object"
          ? Metadata
          : K extends "timestamp"
            ? number
            : never;

/** Present params by name; `null` where the caller sent JSON null (Clerk's "unset"). */
export type ParsedParams<S extends ParamSpec> = {
  -readonly [P in keyof S as S[P] extends "ignored" | "unsupported" ? never : P]?: ValueOf<S[P]> | null;
};

/**
 * The request's JSON object body. An empty body is `{}` because
 * `@clerk/backend` omits the body when it has no params; anything that is not
 * a JSON object is Clerk's 400 `request_body_invalid`.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw clerkErrors.requestBodyInvalid();
  }
  if (!isPlainObject(parsed)) throw clerkErrors.requestBodyInvalid();
  return parsed;
}

/** Checks every param against `spec` (unknown names and wrong types are 422s, as in Clerk). */
export function parseParams<S extends ParamSpec>(body: Record<string, unknown>, spec: S): ParsedParams<S> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const kind = spec[name];
    if (kind === undefined) throw clerkErrors.paramUnknown(name);
    if (kind === "unsupported") {
      throw clerkErrors.paramUnknown(name, `${name} is not supported by the local Clerk emulator.`);
    }
    if (kind === "ignored") continue;
    out[name] = value === null ? null : readValue(name, kind, value);
  }
  return out as ParsedParams<S>;
}

function readValue(name: string, kind: Exclude<ParamKind, "ignored" | "unsupported">, value: unknown): unknown {
  switch (kind) {
    case "string":
      if (typeof value !== "string") throw clerkErrors.paramTypeInvalid(name, "string");
      return value;
    case "string[]":
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
        throw clerkErrors.paramTypeInvalid(name, "array of strings");
      }
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw clerkErrors.paramTypeInvalid(name, "boolean");
      return value;
    case "integer":
      if (!Number.isInteger(value)) throw clerkErrors.paramTypeInvalid(name, "integer");
      return value;
    case "object":
      if (!isPlainObject(value)) throw clerkErrors.paramTypeInvalid(name, "object");
      return value;
    case "timestamp": {
      if (typeof value !== "string") throw clerkErrors.paramTypeInvalid(name, "string");
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) throw clerkErrors.paramFormatInvalid(name);
      return ms;
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
