import type { AddressInfo } from "node:net";
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { serve } from "@hono/node-server";
import { type ClerkEmulator, type ClerkEmulatorOptions, createClerkEmulator } from "../../src/clerk/index.js";

export interface RunningClerk {
  emulator: ClerkEmulator;
  /** e.g. `http://127.0.0.1:54321`: what `createClerkClient({ apiUrl })` takes. */
  url: string;
  close(): Promise<void>;
}

/** Starts the emulator on a random local port; `publicUrl` is the real address. */
export async function startClerk(opts: Omit<ClerkEmulatorOptions, "publicUrl"> = {}): Promise<RunningClerk> {
  // The port is only known once listening, and publicUrl needs it: until the
  // emulator exists (no request is made before this returns) answer 503.
  let emulator: ClerkEmulator | undefined;
  const fetchHandler = (req: Request) => emulator?.app.fetch(req) ?? new Response(null, { status: 503 });
  const server = serve({ fetch: fetchHandler, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator = await createClerkEmulator({ ...opts, publicUrl: url });
  return {
    emulator,
    url,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Splits a JWT without verifying it, to read what the emulator put in it. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split(".");
  const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
  return { header: decode(header), payload: decode(payload) };
}

/** Returns `token` with one claim changed but the original signature kept. */
export function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split(".");
  const changed = { ...JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString("base64url")}.${signature}`;
}

/** Runs `fn`, expecting the official client to throw a Clerk API error. */
export async function apiError(fn: () => Promise<unknown>) {
  const err = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isClerkAPIResponseError(err)) throw new Error(`expected a ClerkAPIResponseError, got ${String(err)}`);
  return { status: err.status, code: err.errors[0]?.code, paramName: err.errors[0]?.meta?.paramName };
}
