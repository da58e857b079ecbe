/**
 * Starts the local Clerk stand-in (a real HTTP server on a free port) for the
 * worker under test; its URL and the end-user-api secret reach the worker's
 * bindings through vitest's provide/inject.
 */
import { freePort, listen } from "@dream-api/emulators";
import { createClerkEmulator } from "@dream-api/emulators/clerk";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  const port = await freePort();
  const emulator = await createClerkEmulator({ publicUrl: `http://127.0.0.1:${port}` });
  const server = await listen(emulator.app.fetch, { port });
  project.provide("clerkApiUrl", server.url);
  project.provide("clerkSecretKey", emulator.instance("end-user-api").secretKey);
  return () => server.close();
}
