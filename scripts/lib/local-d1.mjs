/** The local D1 database every worker of the dev stack shares (in .dev-state/wrangler). */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, WRANGLER, WRANGLER_STATE } from "./stack.mjs";

/**
 * @param {string[]} args
 * @param {string} persistTo
 */
function wranglerD1(args, persistTo) {
  execFileSync(WRANGLER, ["d1", ...args, "--local", "--persist-to", persistTo], {
    cwd: join(ROOT, "api-multi"),
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CI: "true" },
  });
}

/** Applies migrations/ exactly as `wrangler d1 migrations apply dream-api --local` does. */
export function applyLocalMigrations(persistTo = WRANGLER_STATE) {
  wranglerD1(["migrations", "apply", "dream-api"], persistTo);
}

/**
 * @param {string} file a .sql file
 * @param {string} [persistTo]
 */
export function executeLocalSqlFile(file, persistTo = WRANGLER_STATE) {
  wranglerD1(["execute", "dream-api", "--file", file], persistTo);
}
