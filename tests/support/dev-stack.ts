/**
 * Starts the platform exactly as `pnpm dev` does (scripts/dev.mjs) in a
 * fresh state folder, for the stack and browser tests; stops it like Ctrl-C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export const URLS = {
  dashboard: "http://127.0.0.1:5173",
  frontAuthApi: "http://127.0.0.1:8787",
  apiMulti: "http://127.0.0.1:8788",
  oauthApi: "http://127.0.0.1:8789",
  stripe: "http://127.0.0.1:12111",
  clerk: "http://127.0.0.1:12112",
};

export interface RunningStack {
  child: ChildProcess;
  stateDir: string;
  output: () => string;
}

/** The environment a developer's shell would give `pnpm dev` (the test runner's own variables removed), plus `extra`. */
function shellEnvironment(stateDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DREAM_STATE_DIR: stateDir, ...extra };
  for (const name of Object.keys(env)) {
    if (/^(VITEST.*|TEST|MODE|NODE_ENV|NODE_PATH)$/.test(name)) delete env[name];
  }
  return env;
}

export function newStateDir(): string {
  return mkdtempSync(join(tmpdir(), "dream-api-stack-"));
}

export function removeStateDir(stateDir: string): void {
  rmSync(stateDir, { recursive: true, force: true });
}

export async function startStack(stateDir: string, extraEnv: Record<string, string> = {}): Promise<RunningStack> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.mjs"], {
    cwd: ROOT,
    env: shellEnvironment(stateDir, extraEnv),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 180_000;
  while (!output.includes("dream-api is running")) {
    if (child.exitCode !== null) throw new Error(`pnpm dev exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`pnpm dev did not come up in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, stateDir, output: () => output };
}

/** Ctrl-C, and wait until the whole stack has exited. */
export async function stopStack(stack: RunningStack): Promise<number | null> {
  if (stack.child.exitCode !== null) return stack.child.exitCode;
  const exited = new Promise<number | null>((resolve) => stack.child.once("exit", (code) => resolve(code)));
  stack.child.kill("SIGINT");
  return exited;
}

export function matchOutput(output: string, pattern: RegExp): string {
  const match = pattern.exec(output);
  if (!match?.[1]) throw new Error(`${pattern} not found in:\n${output}`);
  return match[1];
}
