/**
 * The dashboard's production build: `vite build` with the production
 * addresses and Clerk keys in its environment (frontend/src/config.ts reads
 * them; csp.ts derives the Content-Security-Policy in dist/_headers from the
 * same values), written to a directory the dashboard worker serves.
 */
import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { DeploySettings } from "./settings";

/** The build-time environment: what the browser code is built with. */
export function dashboardBuildEnv(settings: DeploySettings): Record<string, string> {
  return {
    VITE_CLERK_PUBLISHABLE_KEY: settings.CLERK_DEVELOPER_PUBLISHABLE_KEY,
    VITE_CLERK_END_USER_PUBLISHABLE_KEY: settings.CLERK_END_USER_PUBLISHABLE_KEY,
    VITE_FRONT_AUTH_API_URL: settings.FRONT_AUTH_API_URL,
    VITE_API_MULTI_URL: settings.API_MULTI_URL,
    VITE_OAUTH_API_URL: settings.OAUTH_API_URL,
  };
}

/** Builds the dashboard into `outDir`; returns its file count and total size. */
export async function buildDashboard(root: string, settings: DeploySettings, outDir: string): Promise<{ files: number; bytes: number }> {
  const frontend = join(root, "frontend");
  await promisify(execFile)(join(frontend, "node_modules", ".bin", "vite"), ["build", "--outDir", outDir, "--emptyOutDir"], {
    cwd: frontend,
    // Only the production values: a developer's own VITE_ variables must not leak into the build.
    env: { ...withoutViteVariables(process.env), ...dashboardBuildEnv(settings), NODE_ENV: "production" },
    maxBuffer: 16 * 1024 * 1024,
  });
  return sizeOf(outDir);
}

function withoutViteVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("VITE_")));
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
