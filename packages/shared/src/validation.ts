/**
 * Reading and validating input with one set of errors, for routes and
 * services alike (nothing here knows HTTP frameworks): bodies are capped and
 * read as a stream (a huge body is cut off, not buffered), and a strict zod
 * schema's first problem becomes a 400 `invalid_request` naming the field.
 */
import { z } from "zod";
import { ApiError } from "./errors";
import type { KeyMode } from "./ids";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The body's bytes, at most `maxBytes`: a declared Content-Length over the
 * cap is refused before anything is read, and a body of unknown length is
 * cut off as soon as it passes the cap (400 `body_too_large` either way).
 */
export async function readCappedBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  // A declared length is enforced by the runtime (the body cannot run past it), so read it
  // in one piece; only a body of unknown length (chunked) is streamed and cut off at the cap.
  if (declared !== null) return new Uint8Array(await request.arrayBuffer());
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** readCappedBytes as UTF-8 text; bytes that are not UTF-8 are 400 `invalid_json`. */
export async function readCappedText(request: Request, maxBytes: number): Promise<string> {
  return decodeUtf8(await readCappedBytes(request, maxBytes));
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid UTF-8.");
  }
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("body_too_large", `The request body is larger than ${maxBytes / 1024} KiB.`);
}

export function describeIssue(issue: z.core.$ZodIssue): { message: string; param: string | undefined } {
  const param = issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    return { message: `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${keys}.`, param: issue.keys[0] };
  }
  const where = param ? `${param}: ` : "";
  return { message: `${where}${issue.message}`, param };
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(input);
  } catch {
    // zod 4 runs a field's checks on a value of the wrong type too, and a check
    // can throw on it (`{"userId": {"length": {"toString": false}}}` makes
    // `.min()` compare an object): that is a bad request, not our failure.
    throw new ApiError("invalid_request", "A field of the request has a value of the wrong type.");
  }
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const { message, param } = first ? describeIssue(first) : { message: "Invalid request.", param: undefined };
  throw new ApiError("invalid_request", message, { param });
}

/** A mode as requests name it: `test` or `live` (developer sessions say which mode's data they mean). */
export const modeSchema = z.enum(["test", "live"], "must be test or live");

/**
 * The mode a request names in its `mode` query parameter, validated: the
 * developer's dashboard sends it with every call that reads or writes
 * tenant data. undefined when absent.
 */
export function requestedMode(value: string | undefined): KeyMode | undefined {
  if (value === undefined) return undefined;
  const result = modeSchema.safeParse(value);
  if (!result.success) throw new ApiError("invalid_request", "mode must be test or live.", { param: "mode" });
  return result.data;
}
