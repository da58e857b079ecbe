/**
 * Everything the deploy does on Cloudflare, through wrangler (the tool
 * Cloudflare documents for each step), authenticated by deploy.env's
 * account id and API token in wrangler's own environment variables:
 *
 * - the D1 database and the KV namespaces: found by name, created when
 *   missing (a second run creates nothing);
 * - the queues the workers' wrangler.jsonc name: found by name in
 *   `wrangler queues list`, created when missing, before any worker is
 *   deployed (`wrangler deploy` refuses a worker whose queue does not exist);
 * - `wrangler d1 migrations apply --remote`: only migrations D1 has not
 *   recorded in its `d1_migrations` table run;
 * - `wrangler secret list`: which secrets a worker already has (values are
 *   never readable, names are);
 * - `wrangler deploy --secrets-file`: the code, the vars and the changed
 *   secrets go live as one version (secrets not in the file are kept).
 *
 * Every wrangler call goes through a `Wrangler` function, so the order and
 * the idempotency of the steps are tested against a recorded Cloudflare
 * (test/cloudflare.test.ts): this machine cannot reach Cloudflare.
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify, stripVTControlCharacters } from "node:util";
import type { ProductionResources, WranglerConfig } from "./production-config";
import type { DeploySettings } from "./settings";

/** Runs wrangler with these arguments and returns what it printed on stdout. */
export type Wrangler = (args: string[]) => Promise<string>;

const WRANGLER_BIN = fileURLToPath(new URL("../node_modules/.bin/wrangler", import.meta.url));

/** The real wrangler, acting on deploy.env's account with its token; no telemetry. */
export function wranglerFor(settings: Pick<DeploySettings, "CLOUDFLARE_ACCOUNT_ID" | "CLOUDFLARE_API_TOKEN">, cwd: string): Wrangler {
  const env = {
    ...process.env,
    CLOUDFLARE_ACCOUNT_ID: settings.CLOUDFLARE_ACCOUNT_ID,
    CLOUDFLARE_API_TOKEN: settings.CLOUDFLARE_API_TOKEN,
    WRANGLER_SEND_METRICS: "false",
    // Never prompt: a deploy runs unattended (wrangler skips confirmations in CI).
    CI: "true",
  };
  return async (args) => {
    try {
      const { stdout } = await promisify(execFile)(WRANGLER_BIN, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const failed = error as { stderr?: string; stdout?: string };
      // wrangler prints the Cloudflare API's reason; the token is not in it.
      throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed:\n${(failed.stderr || failed.stdout || String(error)).trim()}`);
    }
  };
}

/** Names of what the deploy owns on the account. */
export const D1_DATABASE_NAME = "dream-api";
export const kvNamespaceTitle = (binding: string): string => `dream-api-${binding.toLowerCase().replaceAll("_", "-")}`;

/** What a step did, for the checklist the deploy prints. */
export interface Done {
  action: "created" | "found" | "applied" | "deployed" | "uploaded" | "kept" | "updated" | "replaced" | "planned" | "manual";
  what: string;
}

function parseJson<T>(text: string, what: string): T {
  // wrangler may print a banner before the JSON.
  const start = text.search(/[[{]/);
  try {
    return JSON.parse(start >= 0 ? text.slice(start) : text) as T;
  } catch {
    throw new Error(`wrangler printed no JSON for ${what}:\n${text.slice(0, 500)}`);
  }
}

/** The D1 database and every KV namespace the workers bind, found or created. */
export async function ensureResources(wrangler: Wrangler, kvBindings: readonly string[]): Promise<{ resources: ProductionResources; done: Done[] }> {
  const done: Done[] = [];
  const findDatabase = async () => parseJson<{ uuid: string; name: string }[]>(await wrangler(["d1", "list", "--json"]), "d1 list").find((db) => db.name === D1_DATABASE_NAME);
  let database = await findDatabase();
  if (database) done.push({ action: "found", what: `D1 database ${D1_DATABASE_NAME} (${database.uuid})` });
  else {
    await wrangler(["d1", "create", D1_DATABASE_NAME]);
    database = await findDatabase();
    if (!database) throw new Error(`D1 database ${D1_DATABASE_NAME} was created but is not listed; run the deploy again.`);
    done.push({ action: "created", what: `D1 database ${D1_DATABASE_NAME} (${database.uuid})` });
  }

  const listNamespaces = async () => parseJson<{ id: string; title: string }[]>(await wrangler(["kv", "namespace", "list"]), "kv namespace list");
  let namespaces = await listNamespaces();
  const kvNamespaceIds: Record<string, string> = {};
  for (const binding of kvBindings) {
    const title = kvNamespaceTitle(binding);
    let namespace = namespaces.find((candidate) => candidate.title === title);
    if (namespace) done.push({ action: "found", what: `KV namespace ${title} (${namespace.id})` });
    else {
      await wrangler(["kv", "namespace", "create", title]);
      namespaces = await listNamespaces();
      namespace = namespaces.find((candidate) => candidate.title === title);
      if (!namespace) throw new Error(`KV namespace ${title} was created but is not listed; run the deploy again.`);
      done.push({ action: "created", what: `KV namespace ${title} (${namespace.id})` });
    }
    kvNamespaceIds[binding] = namespace.id;
  }
  return { resources: { d1DatabaseId: database.uuid, kvNamespaceIds }, done };
}

/**
 * The queue names in what `wrangler queues list` prints. wrangler 4.86 has no
 * `--json` for it: it prints a table with a `name` column, one row per queue,
 * and nothing but its banner for an empty page.
 */
export function queueNamesInTable(output: string): string[] {
  const rows = stripVTControlCharacters(output)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("│"))
    .map((line) =>
      line
        .split("│")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const [head, ...body] = rows;
  if (!head) return [];
  const column = head.indexOf("name");
  if (column < 0) throw new Error(`wrangler queues list printed a table without a name column:\n${output.slice(0, 500)}`);
  return body.map((row) => row[column] ?? "").filter((name) => name !== "");
}

/** Enough pages for any account we would deploy to; a bound, so a listing that never ends cannot loop. */
const MAX_QUEUE_PAGES = 50;

/** Which of `wanted` the account has: `wrangler queues list` page by page, until all are seen or a page brings nothing new. */
async function existingQueues(wrangler: Wrangler, wanted: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let page = 1; page <= MAX_QUEUE_PAGES; page++) {
    const names = queueNamesInTable(await wrangler(["queues", "list", "--page", String(page)]));
    if (names.every((name) => seen.has(name))) break;
    for (const name of names) seen.add(name);
    if (wanted.every((name) => seen.has(name))) break;
  }
  return new Set(wanted.filter((name) => seen.has(name)));
}

/**
 * Every queue the workers bind, found by name or created (a queue has no id
 * to put in the configuration: bindings name it). The dry run asks
 * Cloudflare nothing and only names the queues the deploy will make sure of.
 */
export async function ensureQueues(wrangler: Wrangler, names: readonly string[], options: { dryRun?: boolean } = {}): Promise<Done[]> {
  if (options.dryRun) return names.map((name) => ({ action: "planned", what: `Queue ${name}: created if the account lacks it` }));
  const existing = await existingQueues(wrangler, names);
  const done: Done[] = [];
  for (const name of names) {
    if (existing.has(name)) done.push({ action: "found", what: `Queue ${name}` });
    else {
      await wrangler(["queues", "create", name]);
      done.push({ action: "created", what: `Queue ${name}` });
    }
  }
  return done;
}

/** A production configuration written where wrangler reads it, and removed afterwards. */
export async function withConfigFile<T>(config: WranglerConfig, use: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `dream-deploy-${config.name}-`));
  try {
    const path = join(dir, "wrangler.json");
    writeFileSync(path, JSON.stringify(config, null, 2));
    return await use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Applies the migrations D1 has not recorded yet, before any worker that needs them is deployed. */
export async function applyMigrations(wrangler: Wrangler, configPath: string): Promise<Done> {
  const output = await wrangler(["d1", "migrations", "apply", D1_DATABASE_NAME, "--remote", "--config", configPath]);
  const none = /No migrations to apply/i.test(output);
  return { action: none ? "kept" : "applied", what: none ? "D1 migrations: already up to date" : `D1 migrations applied:\n${output.trim()}` };
}

/** Names of the secrets a deployed worker has (none before its first deploy). */
export async function secretNames(wrangler: Wrangler, configPath: string): Promise<Set<string>> {
  try {
    const listed = parseJson<{ name: string }[]>(await wrangler(["secret", "list", "--format", "json", "--config", configPath]), "secret list");
    return new Set(listed.map((secret) => secret.name));
  } catch (error) {
    // A worker that was never deployed has no secrets yet (Cloudflare answers "script not found").
    if (/not found|10007/i.test(String(error))) return new Set();
    throw error;
  }
}

/** Deploys a worker with its production configuration; the given secrets ship with this version. */
export async function deployWorker(wrangler: Wrangler, worker: { name: string; configPath: string }, secrets: Record<string, string>): Promise<Done> {
  const dir = mkdtempSync(join(tmpdir(), "dream-deploy-secrets-"));
  try {
    const args = ["deploy", "--config", worker.configPath];
    if (Object.keys(secrets).length > 0) {
      const file = join(dir, "secrets.json");
      writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
      chmodSync(file, 0o600);
      args.push("--secrets-file", file);
    }
    const output = await wrangler(args);
    const url = /https:\/\/\S+\.workers\.dev/.exec(output)?.[0];
    const names = Object.keys(secrets).sort();
    return {
      action: "deployed",
      what: `${worker.name}${url ? ` at ${url}` : ""}${names.length ? `, secrets set: ${names.join(", ")}` : ""}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
