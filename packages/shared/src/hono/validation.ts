/**
 * Request parsing for routes: a JSON object body capped at 64 KiB, or the
 * query, validated by a strict zod schema (../validation.ts).
 */
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError } from "../errors";
import { MAX_BODY_BYTES, readCappedText, validate } from "../validation";

/** Reads, caps, parses and validates a JSON object body. An empty body counts as `{}`. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S, maxBytes = MAX_BODY_BYTES): Promise<z.output<S>> {
  const text = await readCappedText(c.req.raw, maxBytes);
  let parsed: unknown = {};
  if (text.trim() !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError("invalid_json", "The request body is not valid JSON.");
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError("invalid_json", "The request body must be a JSON object.");
  }
  return validate(schema, parsed);
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return validate(schema, c.req.query());
}
