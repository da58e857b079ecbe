/**
 * Child-process helpers for the dev stack: start named processes with
 * prefixed output, wait for health URLs, and stop everything on Ctrl-C.
 */
import { spawn } from "node:child_process";

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];

const COLORS = [36, 35, 33, 32, 34, 31];

/**
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, quiet?: RegExp }} options
 */
export function start(name, command, args, options) {
  const color = COLORS[children.length % COLORS.length];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = `\x1b[${color}m${name.padEnd(15)}\x1b[0m│ `;
  const relay = (/** @type {Buffer} */ chunk) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.trim() && !options.quiet?.test(line)) process.stdout.write(`${prefix + line}\n`);
    }
  };
  child.stdout?.on("data", relay);
  child.stderr?.on("data", relay);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}exited (${signal ?? code}); stopping the stack.`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;

/** @type {(() => Promise<void>)[]} */
const cleanups = [];

/** Registers in-process cleanup (e.g. the workers runtime) to run before exiting. */
export function onStop(/** @type {() => Promise<void>} */ cleanup) {
  cleanups.push(cleanup);
}

/** @param {number} code */
export async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  // Children first and synchronously: in-process cleanups (Miniflare) may exit the process themselves.
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  await Promise.all(cleanups.map((cleanup) => cleanup().catch(() => undefined)));
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  process.exit(code);
}

export function stopOnSignals() {
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
}

/**
 * Polls `url` until it answers 2xx, or throws after `timeoutMs`.
 * @param {string} url
 * @param {number} timeoutMs
 */
export async function waitForHealthy(url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s (${lastError})`);
}
