/**
 * `pnpm test:calendar`: the period-sensitive suites again, with the test
 * clock pinned (DREAM_TEST_NOW, see packages/testkit/src/global-setup.ts)
 * to instants where billing periods, days and years turn over. A test that
 * steps the harness clock across a boundary, or mixes it with the machine's
 * (`new Date()`), passes `pnpm test` on most days and fails here on any day.
 *
 * Stops at the first failing run and says which instant and suite it was,
 * with the command that repeats it.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Where months, the leap day and the year turn over (the harness clock starts here in each test file and moves 1 ms per reading). */
export const INSTANTS = [
  "2026-11-30T23:59:58.000Z", // the last seconds of a 30-day month (issue 13 was found on this day)
  "2027-01-31T23:59:59.000Z", // the last second of a 31-day month, before the shortest one
  "2028-02-29T12:00:00.000Z", // the leap day itself
  "2028-02-29T23:59:59.500Z", // the leap day's (and February's) last half second
  "2027-12-31T23:59:59.000Z", // the year's last second: + 24 h is 2028-01-01
];

/**
 * The suites whose outcome could change at a period boundary: usage
 * counting and limits, developer metering, dashboard totals and the daily
 * series, idempotency windows, and the journeys whose periods come from
 * the Stripe stand-in (pinned with the harness). Left out: suites whose
 * counting tests run at the harness's fixed MID_MONTH and that hold no
 * other period logic (api-multi customers, end-user-access, the
 * raised-limits concurrency project), credentials (a grace period, not a
 * billing period), oauth-api (no periods), preview-mode (its cap counts
 * end-users, not calls), the chaos and property suites (no counts
 * compared across requests), and the SDK and example tests, which run
 * api-multi's real entry point through Miniflare on the system clock —
 * nothing there can be pinned.
 */
export const SUITES = [
  {
    dir: "api-multi",
    args: ["--project", "api-multi"],
    files: ["test/routes/usage/usage.test.ts", "test/routes/usage/idempotency.test.ts", "test/routes/dashboard/dashboard.test.ts", "test/billing-journey.test.ts"],
  },
  {
    dir: "front-auth-api",
    args: [],
    files: ["test/routes/me/metering.test.ts", "test/journey.test.ts"],
  },
];

/**
 * Runs one suite pinned to `instant`; resolves with its exit code, its output and the command that repeats it.
 * @param {{ dir: string, args: string[], files: string[] }} suite
 * @param {string} instant
 * @returns {Promise<{ code: number, output: string, command: string }>}
 */
function runSuite(suite, instant) {
  const args = ["exec", "vitest", "run", "--reporter=dot", ...suite.args, ...suite.files];
  return new Promise((resolve, reject) => {
    const child = spawn("pnpm", args, { cwd: join(ROOT, suite.dir), env: { ...process.env, DREAM_TEST_NOW: instant, FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output, command: `cd ${suite.dir} && DREAM_TEST_NOW=${instant} pnpm ${args.join(" ")}` }));
  });
}

const started = Date.now();
for (const instant of INSTANTS) {
  const at = Date.now();
  // The suites of one instant run side by side: each is mostly waiting on workerd and the stand-ins.
  const results = await Promise.all(SUITES.map((suite) => runSuite(suite, instant)));
  const failed = results.find((result) => result.code !== 0);
  if (failed) {
    process.stdout.write(failed.output);
    console.error(`\ntest:calendar FAILED with the clock pinned to ${instant}.\nRepeat it with:\n  ${failed.command}`);
    process.exit(1);
  }
  console.log(`test:calendar: ${instant} passed (${SUITES.map((suite) => suite.dir).join(", ")}) in ${((Date.now() - at) / 1000).toFixed(0)} s`);
}
console.log(`test:calendar: all ${INSTANTS.length} instants passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
