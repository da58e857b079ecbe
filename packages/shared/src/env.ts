/**
 * Typed environment parsing. Each worker declares a zod schema for its vars
 * and secrets; the parse runs once per isolate (memoised on the env object)
 * and a bad environment becomes one clear 500 `misconfigured` that names the
 * variable but never echoes its value.
 */
import type { z } from "zod";
import { ApiError } from "./errors";

const parsedEnvs = new WeakMap<object, WeakMap<z.ZodType, unknown>>();

export function parseEnv<S extends z.ZodType>(schema: S, env: object): z.output<S> {
  let bySchema = parsedEnvs.get(env);
  if (!bySchema) {
    bySchema = new WeakMap();
    parsedEnvs.set(env, bySchema);
  }
  if (bySchema.has(schema)) return bySchema.get(schema) as z.output<S>;
  const result = schema.safeParse(env);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((issue) => issue.path.join(".")))].join(", ");
    throw new ApiError("misconfigured", `The service is misconfigured (check: ${names}).`);
  }
  bySchema.set(schema, result.data);
  return result.data;
}

/** Reads an integer var such as "100" with a default, for zod env schemas. */
export function intVar(z_: typeof z, fallback: number, min = 0) {
  return z_.coerce.number().int().min(min).default(fallback);
}
