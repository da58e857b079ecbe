/**
 * The Cloudflare steps against a recorded account: this machine cannot reach
 * Cloudflare, so `wrangler` is a function that answers as wrangler 4.86 does
 * (its `--json` listings) from an in-memory account and records every call.
 * What is checked is ours: what is created, in which order, and that a
 * second run over the same account creates nothing.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { D1_DATABASE_NAME, deployWorker, ensureResources, kvNamespaceTitle, secretNames, type Wrangler } from "../src/cloudflare";

function recordedAccount() {
  const databases: { uuid: string; name: string }[] = [];
  const namespaces: { id: string; title: string }[] = [];
  const calls: string[][] = [];
  const uploadedSecrets: Record<string, string>[] = [];
  let counter = 0;
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
    if (command.startsWith("secret list")) throw new Error("wrangler secret list failed:\n✘ [ERROR] This Worker does not exist on your account. [code: 10007]");
    if (args[0] === "deploy") {
      const file = args[args.indexOf("--secrets-file") + 1];
      if (args.includes("--secrets-file") && file) uploadedSecrets.push(JSON.parse(readFileSync(file, "utf8")));
      return "Uploaded dream-api-multi\nDeployed dream-api-multi triggers\n  https://dream-api-multi.acme.workers.dev\nCurrent Version ID: 1";
    }
    throw new Error(`unexpected wrangler call: ${args.join(" ")}`);
  };
  return { wrangler, calls, databases, namespaces, uploadedSecrets };
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
