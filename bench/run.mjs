/**
 * `pnpm bench`: api-multi in workerd (Miniflare directly — the faster and
 * closer-to-production runner; see RESULTS.md) with local D1 and KV and its
 * rate limits raised, one platform with 1,000 end-users, and load from a
 * separate process (autocannon) for a fixed time per scenario:
 *
 *   health     GET /health                          the runtime floor
 *   floor_d1   one D1 UPSERT per request            the storage floor (bench-only worker)
 *   track      POST /api/usage/track, 1,000 users
 *   track_hot  the same on one user with a high limit
 *   check      GET /api/usage, 1,000 users
 *
 * then exactness under load (limit 100, 2,000 requests over 64 connections;
 * and again for a user with 50 credits: exactly 150 admitted).
 * Each scenario gets `--duration` seconds in all, split over `--rounds`
 * interleaved rounds (health, floor_d1, track, track_hot, check, then again),
 * so a slow spell of the machine hits every scenario alike and the ratios,
 * taken in the same run, stay comparable.
 * Prints a table; with --json, one JSON object on the last line.
 * With --profile, measures nothing but CPU-profiles workerd's isolates (the
 * worker and the local D1 database) during floor_d1, track and check, to
 * show where a request's time goes (bench/profile.mjs, RESULTS.md).
 *   node --import tsx bench/run.mjs [--json] [--duration 10] [--rounds 5] [--connections 16] [--profile]
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { issueKeyPair, newId, newPlatformId } from "@dream-api/shared";
import { applyLocalMigrations, executeLocalSqlFile } from "../scripts/lib/local-d1.mjs";
import { ROOT, readDevVars } from "../scripts/lib/stack.mjs";
import { startWorkers } from "../scripts/lib/workers-runtime.mjs";

const run = promisify(execFile);
const args = process.argv.slice(2);
const flag = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const asJson = args.includes("--json");
const duration = flag("--duration", 10);
const connections = flag("--connections", 16);
const rounds = Math.max(1, flag("--rounds", 5));
const profiling = args.includes("--profile");
const INSPECTOR_PORT = 19229;
const API = "http://127.0.0.1:18788";
const FLOOR = "http://127.0.0.1:18790";
const RAISED = { limit: 100_000_000, period: /** @type {const} */ (60) };
const log = (/** @type {string} */ line) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);

const state = mkdtempSync(join(tmpdir(), "dream-api-bench-"));
const users = Array.from({ length: 1000 }, (_, index) => `bench-user-${index}`);

/** One platform, a test key, tiers "bench" (effectively unlimited) and "exact" (limit 100), 1,000 users, a hot user and the exactness users (one with 50 credits). */
async function seed() {
  const platformId = newPlatformId();
  const pair = await issueKeyPair("live");
  const now = new Date().toISOString();
  const q = (/** @type {string} */ value) => `'${value.replaceAll("'", "''")}'`;
  const rows = [
    "CREATE TABLE IF NOT EXISTS bench_floor (k TEXT PRIMARY KEY, n INTEGER NOT NULL);",
    `INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at) VALUES (${q(platformId)}, 'user_bench', 'paid', ${q(now)}, ${q(now)});`,
    `INSERT INTO api_keys (key_id, platform_id, mode, publishable_key, secret_hash, secret_prefix, created_at) VALUES (${q(newId("apiKey"))}, ${q(platformId)}, 'live', ${q(pair.publishableKey)}, ${q(pair.secretHash)}, ${q(pair.secretPrefix)}, ${q(now)});`,
    `INSERT INTO tiers (platform_id, mode, name, display_name, kind, price, monthly_limit, created_at, updated_at) VALUES (${q(platformId)}, 'live', 'bench', 'Bench', 'subscription', 0, 1000000000, ${q(now)}, ${q(now)}), (${q(platformId)}, 'live', 'exact', 'Exact', 'subscription', 100, 100, ${q(now)}, ${q(now)});`,
    ...[...users, "bench-hot"].map(
      (userId) => `INSERT INTO end_users (platform_id, mode, user_id, plan, created_at, updated_at) VALUES (${q(platformId)}, 'live', ${q(userId)}, 'bench', ${q(now)}, ${q(now)});`,
    ),
    `INSERT INTO end_users (platform_id, mode, user_id, plan, created_at, updated_at) VALUES (${q(platformId)}, 'live', 'bench-exact', 'exact', ${q(now)}, ${q(now)});`,
    // Exactness with credits: limit 100 plus 50 prepaid credits.
    `INSERT INTO end_users (platform_id, mode, user_id, plan, created_at, updated_at) VALUES (${q(platformId)}, 'live', 'bench-credits', 'exact', ${q(now)}, ${q(now)});`,
    `INSERT INTO credit_grants (grant_id, platform_id, mode, user_id, source, amount, remaining, reason, created_at) VALUES ('cg_bench', ${q(platformId)}, 'live', 'bench-credits', 'api', 50, 50, 'bench', ${q(now)});`,
  ];
  const file = join(state, "seed.sql");
  writeFileSync(file, rows.join("\n"));
  executeLocalSqlFile(file, state);
  return { secretKey: pair.secretKey };
}

/** @param {Record<string, unknown>} spec */
async function load(spec) {
  const { stdout } = await run(process.execPath, [join(ROOT, "bench", "load.mjs"), JSON.stringify(spec)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
}

/**
 * Runs every scenario for `duration` seconds in all, in `rounds` interleaved
 * rounds, and merges each one's rounds: requests/s over the whole time, the
 * median round's p50, the worst round's p99, all errors.
 * @param {Record<string, Record<string, unknown>>} specs
 */
async function measure(specs) {
  /** @type {Record<string, { total: number, p50: number[], p99: number[], errors: number }>} */
  const runs = {};
  for (const [name, spec] of Object.entries(specs)) {
    await load({ ...spec, connections, duration: 2 }); // warm-up: isolates, caches, JIT
    runs[name] = { total: 0, p50: [], p99: [], errors: 0 };
  }
  const seconds = duration / rounds;
  for (let round = 0; round < rounds; round++) {
    for (const [name, spec] of Object.entries(specs)) {
      const result = await load({ ...spec, connections, duration: seconds });
      const run = /** @type {NonNullable<(typeof runs)[string]>} */ (runs[name]);
      run.total += result.total;
      run.p50.push(result.p50_ms);
      run.p99.push(result.p99_ms);
      run.errors += result.errors + result.non2xx;
    }
  }
  const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return Object.fromEntries(
    Object.entries(runs).map(([name, run]) => {
      const merged = { rps: Math.round(run.total / duration), p50_ms: median(run.p50), p99_ms: Math.max(...run.p99), errors: run.errors };
      log(`  ${name.padEnd(10)} ${String(merged.rps).padStart(7)} req/s   p50 ${String(merged.p50_ms).padStart(4)} ms   p99 ${String(merged.p99_ms).padStart(4)} ms   errors ${merged.errors}`);
      return [name, merged];
    }),
  );
}

applyLocalMigrations(state);
const { secretKey } = await seed();
const workers = await startWorkers({
  services: [
    { name: "api-multi", dir: "api-multi", port: 18788 },
    { name: "floor", dir: "bench/floor-worker", port: 18790 },
  ],
  persistTo: state,
  bundleDir: join(ROOT, ".dev-state", "bench-bundles"),
  ratelimits: { END_USER_RATE_LIMITER: RAISED, API_KEY_RATE_LIMITER: RAISED, END_USER_SESSIONS_RATE_LIMITER: RAISED, CLIENT_IP_RATE_LIMITER: RAISED },
  // The committed example settings, whatever a developer's own .dev.vars says: the measured
  // routes never call Stripe or Clerk, and a fresh clone has no .dev.vars.
  bindings: { "api-multi": readDevVars("api-multi", ".dev.vars.example") },
  ...(profiling ? { inspectorPort: INSPECTOR_PORT } : {}),
});

/**
 * Profiles one scenario (after a warm-up) in a child process with Node's WebSocket.
 * @param {string} name
 * @param {string} worker
 * @param {Record<string, unknown>} spec
 */
async function profileScenario(name, worker, spec) {
  await load({ ...spec, connections, duration: 2 });
  const job = { inspector: `http://127.0.0.1:${INSPECTOR_PORT}`, targets: [`core:user:${worker}`, "d1:db"], load: { ...spec, connections, duration } };
  const { stdout } = await run(process.execPath, ["--experimental-websocket", join(ROOT, "bench", "profile.mjs"), JSON.stringify(job)], { maxBuffer: 1 << 22 });
  /** @type {{ rps: number, targets: Record<string, { busySamplesPerRequest: number, top: { name: string, share: string }[] }> }} */
  const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
  log(`\n${name}: ${report.rps} req/s while profiled`);
  for (const [target, result] of Object.entries(report.targets)) {
    log(`  ${target}: ${result.busySamplesPerRequest} busy samples (100 µs) per request`);
    for (const entry of result.top) log(`    ${entry.share.padStart(6)}  ${entry.name}`);
  }
  return report;
}

try {
  const auth = { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" };
  if (profiling) {
    log(`dream-api bench --profile: ${duration}s per scenario, ${connections} connections, Node ${process.version}`);
    const profiles = {
      floor_d1: await profileScenario("floor_d1", "dream-bench-floor", { url: `${FLOOR}/`, method: "POST" }),
      track: await profileScenario("track", "dream-api-multi", { url: `${API}/api/usage/track`, method: "POST", headers: auth, bodyUsers: users }),
      check: await profileScenario("check", "dream-api-multi", { url: `${API}/api/usage`, headers: { Authorization: auth.Authorization }, headerUser: users }),
    };
    if (asJson) process.stdout.write(`${JSON.stringify({ profiles })}\n`);
  } else {
    log(`dream-api bench: ${duration}s per scenario in ${rounds} interleaved rounds, ${connections} connections, Node ${process.version}`);
    const scenarios = await measure({
      health: { url: `${API}/health` },
      floor_d1: { url: `${FLOOR}/`, method: "POST" },
      track: { url: `${API}/api/usage/track`, method: "POST", headers: auth, bodyUsers: users },
      track_hot: { url: `${API}/api/usage/track`, method: "POST", headers: auth, body: { userId: "bench-hot" } },
      check: { url: `${API}/api/usage`, headers: { Authorization: auth.Authorization }, headerUser: users },
    });
    const floor = /** @type {{ rps: number }} */ (scenarios["floor_d1"]);
    const ratio = (/** @type {string} */ name) => Math.round(((scenarios[name]?.rps ?? 0) / floor.rps) * 100) / 100;
    const ratios = {
      track_vs_floor_d1: ratio("track"),
      check_vs_floor_d1: ratio("check"),
      track_hot_vs_floor_d1: ratio("track_hot"),
    };
    log(`  ratios: track/floor_d1 ${ratios.track_vs_floor_d1}, check/floor_d1 ${ratios.check_vs_floor_d1}, track_hot/floor_d1 ${ratios.track_hot_vs_floor_d1}`);

    const exact = await load({ url: `${API}/api/usage/track`, method: "POST", headers: auth, body: { userId: "bench-exact" }, connections: 64, amount: 2000 });
    const admitted = exact.status?.["200"]?.count ?? 0;
    const stored = await fetch(`${API}/api/usage`, { headers: { Authorization: auth.Authorization, "X-User-Id": "bench-exact" } }).then((r) => r.json());
    const overshoot = Math.max(admitted, stored.usage.count) - 100;
    log(
      `  exactness: limit 100, 2000 requests / 64 connections → admitted ${admitted}, stored ${stored.usage.count}, refused ${exact.status?.["403"]?.count ?? 0}, other ${exact.errors + exact.non2xx - (exact.status?.["403"]?.count ?? 0)}, overshoot ${overshoot}`,
    );

    const withCredits = await load({ url: `${API}/api/usage/track`, method: "POST", headers: auth, body: { userId: "bench-credits" }, connections: 64, amount: 2000 });
    const creditsAdmitted = withCredits.status?.["200"]?.count ?? 0;
    const creditsStored = await fetch(`${API}/api/usage`, { headers: { Authorization: auth.Authorization, "X-User-Id": "bench-credits" } }).then((r) => r.json());
    const creditsOvershoot = Math.max(creditsAdmitted, creditsStored.usage.count) - 150;
    log(
      `  exactness with credits: limit 100 + 50 credits, 2000 requests / 64 connections → admitted ${creditsAdmitted}, stored ${creditsStored.usage.count}, credits left ${creditsStored.usage.credits}, overshoot ${creditsOvershoot}`,
    );
    if (asJson) {
      process.stdout.write(
        `${JSON.stringify({
          scenarios,
          ratios,
          overshoot,
          exactness: { admitted, stored: stored.usage.count },
          creditsExactness: { admitted: creditsAdmitted, stored: creditsStored.usage.count, creditsLeft: creditsStored.usage.credits, overshoot: creditsOvershoot },
        })}\n`,
      );
    }
  }
} finally {
  await workers.dispose();
  rmSync(state, { recursive: true, force: true });
}
