/**
 * The Cloudflare steps against a recorded account: this machine cannot reach
 * Cloudflare, so `wrangler` is a function that answers as wrangler 4.86 does
 * (its `--json` listings, and the table of `queues list`) from an in-memory
 * account and records every call.
 * What is checked is ours: what is created, in which order, and that a
 * second run over the same account creates nothing.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { D1_DATABASE_NAME, deployWorker, ensureQueues, ensureResources, kvNamespaceTitle, queueNamesInTable, secretNames, type Wrangler } from "../src/cloudflare";
import { queueNames, readWranglerConfig } from "../src/production-config";
import { generatedSecrets } from "../src/secrets";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** `wrangler queues list` as wrangler 4.86 prints it (captured from it against a local copy of the API): a banner, then a table; an empty page is the banner alone. */
function queuesTable(queues: { id: string; name: string }[]): string {
  const banner = "\n ⛅️ wrangler 4.86.0\n──────────────────\n";
  if (queues.length === 0) return `${banner}\n`;
  const head = ["id", "name", "created_on", "modified_on", "producers", "consumers"];
  const rows = queues.map((queue) => [queue.id, queue.name, "2026-04-30T10:00:00.000000Z", "2026-04-30T10:00:00.000000Z", "1", "1"]);
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) => `│ ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(" │ ")} │`;
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => "─".repeat(width + 2)).join(middle)}${right}`;
  const body = rows.flatMap((row, index) => (index === 0 ? [line(row)] : [rule("├", "┼", "┤"), line(row)]));
  return `${banner}${[rule("┌", "┬", "┐"), line(head), rule("├", "┼", "┤"), ...body, rule("└", "┴", "┘")].join("\n")}\n`;
}

function recordedAccount(options: { queuesPerPage?: number } = {}) {
  const queuesPerPage = options.queuesPerPage ?? 20;
  const databases: { uuid: string; name: string }[] = [];
  const namespaces: { id: string; title: string }[] = [];
  const queues: { id: string; name: string }[] = [];
  const calls: string[][] = [];
  const uploadedSecrets: Record<string, string>[] = [];
  let counter = 0;
  let deploys = 0;
  const wrangler: Wrangler = async (args) => {
    calls.push(args);
    const command = args.slice(0, 3).join(" ");
    if (command.startsWith("d1 list")) return `\n ⛅️ wrangler 4.86.0\n${JSON.stringify(databases)}`;
    if (command.startsWith("d1 create")) {
      databases.push({ uuid: `d1-${++counter}`, name: args[2] as string });
      return "✅ Successfully created DB";
    }
    if (command === "kv namespace list") return JSON.stringify(namespaces);
    if (command === "kv namespace create") {
      namespaces.push({ id: `kv-${++counter}`, title: args[3] as string });
      return "✨ Success!";
    }
    if (command.startsWith("queues list")) {
      const page = Number(args[args.indexOf("--page") + 1] ?? 1);
      return queuesTable(queues.slice((page - 1) * queuesPerPage, page * queuesPerPage));
    }
    if (command.startsWith("queues create")) {
      if (queues.some((queue) => queue.name === args[2])) throw new Error(`wrangler queues create ${args[2]} failed:\nA queue with this name already exists [code: 11009]`);
      queues.push({ id: `q-${++counter}`, name: args[2] as string });
      return `🌀 Creating queue '${args[2]}'\n✅ Created queue '${args[2]}'`;
    }
    if (command.startsWith("secret list")) {
      // The worker exists once deployed; Cloudflare then lists the names of every secret it was given.
      if (deploys === 0) throw new Error("wrangler secret list failed:\n✘ [ERROR] This Worker does not exist on your account. [code: 10007]");
      return JSON.stringify([...new Set(uploadedSecrets.flatMap((secrets) => Object.keys(secrets)))].map((name) => ({ name, type: "secret_text" })));
    }
    if (args[0] === "deploy") {
      deploys++;
      const file = args[args.indexOf("--secrets-file") + 1];
      if (args.includes("--secrets-file") && file) uploadedSecrets.push(JSON.parse(readFileSync(file, "utf8")));
      return "Uploaded dream-api-multi\nDeployed dream-api-multi triggers\n  https://dream-api-multi.acme.workers.dev\nCurrent Version ID: 1";
    }
    throw new Error(`unexpected wrangler call: ${args.join(" ")}`);
  };
  return { wrangler, calls, databases, namespaces, queues, uploadedSecrets };
}

const BINDINGS = ["KEY_CACHE", "TIER_CACHE", "ACCOUNT_CACHE"];

describe("ensureResources", () => {
  it("creates the D1 database and every KV namespace on an empty account, and returns their ids", async () => {
    const account = recordedAccount();
    const { resources, done } = await ensureResources(account.wrangler, BINDINGS);
    expect(account.databases).toEqual([{ uuid: resources.d1DatabaseId, name: D1_DATABASE_NAME }]);
    expect(account.namespaces.map((namespace) => namespace.title)).toEqual(["dream-api-key-cache", "dream-api-tier-cache", "dream-api-account-cache"]);
    expect(resources.kvNamespaceIds).toEqual(Object.fromEntries(account.namespaces.map((namespace, index) => [BINDINGS[index], namespace.id])));
    expect(done.map((step) => step.action)).toEqual(["created", "created", "created", "created"]);
  });

  it("a second run over the same account creates nothing and finds the same ids", async () => {
    const account = recordedAccount();
    const first = await ensureResources(account.wrangler, BINDINGS);
    const callsBefore = account.calls.length;
    const second = await ensureResources(account.wrangler, BINDINGS);
    expect(second.resources).toEqual(first.resources);
    expect(second.done.every((step) => step.action === "found")).toBe(true);
    expect(account.calls.slice(callsBefore).filter((args) => args.includes("create"))).toEqual([]);
  });

  it("finds a namespace made by hand under the deploy's title instead of making a second", async () => {
    const account = recordedAccount();
    account.namespaces.push({ id: "kv-by-hand", title: kvNamespaceTitle("TIER_CACHE") });
    const { resources } = await ensureResources(account.wrangler, BINDINGS);
    expect(resources.kvNamespaceIds["TIER_CACHE"]).toBe("kv-by-hand");
    expect(account.namespaces.filter((namespace) => namespace.title === kvNamespaceTitle("TIER_CACHE"))).toHaveLength(1);
  });
});

describe("secrets", () => {
  it("a worker never deployed has no secrets yet (Cloudflare's 10007), other failures stop the deploy", async () => {
    const account = recordedAccount();
    expect(await secretNames(account.wrangler, "/tmp/w.json")).toEqual(new Set());
    const failing: Wrangler = async () => {
      throw new Error("wrangler secret list failed:\nAuthentication error [code: 10000]");
    };
    await expect(secretNames(failing, "/tmp/w.json")).rejects.toThrow(/Authentication error/);
  });

  it("ships the secrets with the deploy in one version, from a file that is gone afterwards", async () => {
    const account = recordedAccount();
    const step = await deployWorker(account.wrangler, { name: "dream-api-multi", configPath: "/tmp/w.json" }, { CLERK_SECRET_KEY: "sk_live_x" });
    expect(account.uploadedSecrets).toEqual([{ CLERK_SECRET_KEY: "sk_live_x" }]);
    const args = account.calls.at(-1) as string[];
    const file = args[args.indexOf("--secrets-file") + 1] as string;
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
    expect(step.what).toBe("dream-api-multi at https://dream-api-multi.acme.workers.dev, secrets set: CLERK_SECRET_KEY");
    expect(step.what).not.toContain("sk_live_x");
  });
});

describe("ensureQueues", () => {
  const QUEUES = queueNames(readWranglerConfig(ROOT, "api-multi"));
  const creates = (calls: string[][]) => calls.filter((args) => args[0] === "queues" && args[1] === "create");

  it("takes the queue names from api-multi's wrangler.jsonc, producers and consumers once each", () => {
    expect(QUEUES).toEqual(["dream-api-webhooks", "dream-api-request-logs"]);
  });

  it("reads the names from the table wrangler 4.86 prints, and nothing from an empty page", () => {
    const table = queuesTable([
      { id: "8f1c2d", name: "dream-api-webhooks" },
      { id: "9a2b3c", name: "other-queue" },
    ]);
    expect(queueNamesInTable(table)).toEqual(["dream-api-webhooks", "other-queue"]);
    expect(queueNamesInTable(`\u001b[90m${table}\u001b[39m`)).toEqual(["dream-api-webhooks", "other-queue"]);
    expect(queueNamesInTable(queuesTable([]))).toEqual([]);
  });

  it("creates every queue an empty account lacks", async () => {
    const account = recordedAccount();
    const done = await ensureQueues(account.wrangler, QUEUES);
    expect(account.queues.map((queue) => queue.name)).toEqual(QUEUES);
    expect(creates(account.calls)).toEqual(QUEUES.map((name) => ["queues", "create", name]));
    expect(done).toEqual(QUEUES.map((name) => ({ action: "created", what: `Queue ${name}` })));
  });

  it("creates only the missing one, and a second run creates nothing", async () => {
    const account = recordedAccount();
    account.queues.push({ id: "q-by-hand", name: "dream-api-webhooks" });
    const first = await ensureQueues(account.wrangler, QUEUES);
    expect(first.map((step) => step.action)).toEqual(["found", "created"]);
    expect(creates(account.calls)).toEqual([["queues", "create", "dream-api-request-logs"]]);
    const callsBefore = account.calls.length;
    const second = await ensureQueues(account.wrangler, QUEUES);
    expect(second.every((step) => step.action === "found")).toBe(true);
    expect(creates(account.calls.slice(callsBefore))).toEqual([]);
    expect(account.queues.map((queue) => queue.name).sort()).toEqual([...QUEUES].sort());
  });

  it("finds a queue listed on a later page, and stops at the first empty page", async () => {
    const account = recordedAccount({ queuesPerPage: 2 });
    account.queues.push({ id: "q-a", name: "a" }, { id: "q-b", name: "b" }, { id: "q-c", name: "c" }, { id: "q-hooks", name: "dream-api-webhooks" });
    await ensureQueues(account.wrangler, QUEUES);
    const lists = account.calls.filter((args) => args[1] === "list").map((args) => args.at(-1));
    expect(lists).toEqual(["1", "2", "3"]);
    expect(creates(account.calls)).toEqual([["queues", "create", "dream-api-request-logs"]]);
  });

  it("in a dry run asks wrangler nothing, creates nothing and names each queue", async () => {
    const account = recordedAccount();
    const done = await ensureQueues(account.wrangler, QUEUES, { dryRun: true });
    expect(account.calls).toEqual([]);
    expect(account.queues).toEqual([]);
    expect(done).toEqual(QUEUES.map((name) => ({ action: "planned", what: `Queue ${name}: created if the account lacks it` })));
  });
});

describe("api-multi's webhook-secret encryption key", () => {
  const none = { "front-auth-api": new Set<string>(), "api-multi": new Set<string>(), "oauth-api": new Set<string>() };

  it("is uploaded with api-multi's first deploy, and left out of every later one, so Cloudflare keeps the first", async () => {
    const account = recordedAccount();
    const deployOnce = async () => {
      const existing = { ...none, "api-multi": await secretNames(account.wrangler, "/tmp/api-multi.json") };
      return deployWorker(account.wrangler, { name: "dream-api-multi", configPath: "/tmp/api-multi.json" }, generatedSecrets(existing)["api-multi"]);
    };
    const first = await deployOnce();
    const key = account.uploadedSecrets[0]?.["WEBHOOK_SECRET_ENCRYPTION_KEY"];
    expect(Buffer.from(key as string, "base64")).toHaveLength(32);
    expect(first.what).toMatch(/secrets set: WEBHOOK_SECRET_ENCRYPTION_KEY$/);
    const second = await deployOnce();
    expect(second.what).not.toContain("WEBHOOK_SECRET_ENCRYPTION_KEY");
    expect(account.uploadedSecrets).toEqual([{ WEBHOOK_SECRET_ENCRYPTION_KEY: key }]);
    const lastDeploy = account.calls.at(-1) as string[];
    expect(lastDeploy).not.toContain("--secrets-file");
  });
});
