/**
 * Runs the three workers in ONE workerd process (Miniflare directly), each
 * on its own port, over one local D1 and KV state. Separate `wrangler dev`
 * processes would each open the shared D1 SQLite file and fail with
 * SQLITE_BUSY when two write at once (say, a Stripe event delivered to two
 * workers); one process has one writer, as production D1 does. Bindings come
 * from each worker's wrangler.jsonc and .dev.vars, code is bundled with
 * esbuild (rebuilt and reloaded on change when `watch` is set).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { parse as parseJsonc } from "jsonc-parser";
import { Log, LogLevel, Miniflare } from "miniflare";
import { ROOT, WRANGLER_STATE, readDevVars } from "./stack.mjs";

/**
 * @typedef {{ name: string, compatibility_date: string, compatibility_flags?: string[], vars?: Record<string, string>,
 *   d1_databases?: { binding: string, database_id: string }[], kv_namespaces?: { binding: string, id: string }[],
 *   ratelimits?: { name: string, simple: { limit: number, period: 10 | 60 } }[],
 *   queues?: { producers?: { binding: string, queue: string }[],
 *     consumers?: { queue: string, max_batch_size?: number, max_batch_timeout?: number, max_retries?: number }[] } }} WranglerConfig
 */

/**
 * A worker's wrangler.jsonc, read as wrangler reads it (comments and trailing commas allowed).
 * @param {string} dir
 * @returns {WranglerConfig}
 */
function readWranglerConfig(dir) {
  /** @type {import("jsonc-parser").ParseError[]} */
  const errors = [];
  const config = parseJsonc(readFileSync(join(ROOT, dir, "wrangler.jsonc"), "utf8"), errors, { allowTrailingComma: true });
  if (errors.length > 0) throw new Error(`${dir}/wrangler.jsonc is not valid JSONC (at offset ${errors[0]?.offset}).`);
  return config;
}

/**
 * @param {{ name: string, dir: string, port: number }} service
 * @param {string} bundleDir
 * @param {Record<string, string>} overrides extra/override bindings (e.g. raised limits for the bench)
 * @param {{ [name: string]: { limit: number, period: 10 | 60 } }} [ratelimitOverrides]
 */
function workerOptions(service, bundleDir, overrides = {}, ratelimitOverrides = {}) {
  const config = readWranglerConfig(service.dir);
  return {
    name: config.name,
    modules: true,
    scriptPath: join(bundleDir, `${service.dir}.mjs`),
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags ?? [],
    bindings: { ...config.vars, ...readDevVars(service.dir), ...overrides },
    d1Databases: Object.fromEntries((config.d1_databases ?? []).map((db) => [db.binding, db.database_id])),
    kvNamespaces: Object.fromEntries((config.kv_namespaces ?? []).map((kv) => [kv.binding, kv.id])),
    ratelimits: Object.fromEntries((config.ratelimits ?? []).map((limiter) => [limiter.name, { simple: ratelimitOverrides[limiter.name] ?? limiter.simple }])),
    queueProducers: Object.fromEntries((config.queues?.producers ?? []).map((producer) => [producer.binding, { queueName: producer.queue }])),
    queueConsumers: Object.fromEntries(
      (config.queues?.consumers ?? []).map((consumer) => [consumer.queue, { maxBatchSize: consumer.max_batch_size, maxBatchTimeout: consumer.max_batch_timeout, maxRetries: consumer.max_retries }]),
    ),
    unsafeDirectSockets: [{ host: "127.0.0.1", port: service.port }],
  };
}

/**
 * @param {{ dir: string }[]} services
 * @param {string} bundleDir
 */
function buildOptions(services, bundleDir) {
  return {
    entryPoints: Object.fromEntries(services.map((service) => [service.dir, join(ROOT, service.dir, "src", "index.ts")])),
    outdir: bundleDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: /** @type {const} */ ("esm"),
    platform: /** @type {const} */ ("neutral"),
    target: "es2022",
    conditions: ["workerd", "worker", "browser", "import", "module", "default"],
    mainFields: ["browser", "module", "main"],
    external: ["cloudflare:*", "node:*"],
    // As wrangler does: libraries (e.g. @clerk/backend) read process.env.NODE_ENV, which Workers lack.
    define: { "process.env.NODE_ENV": JSON.stringify("development") },
    logLevel: /** @type {const} */ ("warning"),
  };
}

/**
 * workerd's output, forwarded as it comes. Miniflare's default reads it line
 * by line and console.logs each line in this process, which shares the
 * machine's cores with workerd: with one log line per request that cost
 * about as much again as workerd writing the line (measured on GET /health).
 * @param {import("node:stream").Readable} stdout
 * @param {import("node:stream").Readable} stderr
 */
function forwardRuntimeOutput(stdout, stderr) {
  stdout.pipe(process.stdout);
  stderr.pipe(process.stderr);
}

/**
 * @param {{
 *   services: { name: string, dir: string, port: number }[],
 *   watch?: boolean,
 *   bindings?: Record<string, Record<string, string>>,
 *   ratelimits?: Record<string, { limit: number, period: 10 | 60 }>,
 *   persistTo?: string,
 *   bundleDir?: string,
 *   verbose?: boolean,
 *   inspectorPort?: number,
 * }} options
 */
export async function startWorkers(options) {
  const persist = options.persistTo ?? WRANGLER_STATE;
  // Under the repository: workerd refuses module paths outside its working directory.
  const bundleDir = options.bundleDir ?? join(ROOT, ".dev-state", "bundles");
  const miniflareOptions = () => ({
    workers: options.services.map((service) => workerOptions(service, bundleDir, options.bindings?.[service.dir], options.ratelimits)),
    d1Persist: join(persist, "v3", "d1"),
    kvPersist: join(persist, "v3", "kv"),
    cachePersist: join(persist, "v3", "cache"),
    log: new Log(options.verbose ? LogLevel.INFO : LogLevel.WARN),
    handleRuntimeStdio: forwardRuntimeOutput,
    cf: false,
    ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
  });
  const build = buildOptions(options.services, bundleDir);
  let mf = /** @type {Miniflare | null} */ (null);
  if (options.watch) {
    const context = await esbuild.context({
      ...build,
      plugins: [
        {
          name: "reload-workers",
          setup(pluginBuild) {
            pluginBuild.onEnd(async (result) => {
              if (result.errors.length > 0 || !mf) return;
              await mf.setOptions(miniflareOptions());
              console.log("workers reloaded");
            });
          },
        },
      ],
    });
    await context.rebuild();
    await context.watch();
  } else {
    await esbuild.build(build);
  }
  mf = new Miniflare(miniflareOptions());
  await mf.ready;
  return {
    /** Runs a service's cron handler once now, as Cloudflare's scheduler would (the worker is named by its wrangler.jsonc). */
    runCron: async (/** @type {{ dir: string }} */ service, /** @type {string} */ cron) => {
      const { name } = readWranglerConfig(service.dir);
      const worker = await mf?.getWorker(name);
      return worker?.scheduled({ cron, scheduledTime: new Date() });
    },
    dispose: async () => {
      await mf?.dispose();
    },
  };
}
