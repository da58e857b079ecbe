/**
 * `pnpm run deploy` as a person runs it: a missing or bad deploy.env stops
 * it with every problem named and nothing done; a valid one (here in the
 * stand-ins' test mode) passes; the dry run prints each worker's bundle
 * size and rehearses the provider setup against local stand-ins.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REAL_SETTINGS, STAND_IN_SETTINGS } from "./fixtures";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = join(ROOT, "packages", "deploy", "src", "cli.ts");

function envFile(values: Record<string, string>): string {
  const path = join(mkdtempSync(join(tmpdir(), "deploy-env-")), "deploy.env");
  writeFileSync(
    path,
    Object.entries(values)
      .map(([name, value]) => `${name}=${value}`)
      .join("\n"),
  );
  return path;
}

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("pnpm run deploy", () => {
  it("stops without a deploy.env, saying where to start", async () => {
    const result = await run("--dry-run", "--file", join(tmpdir(), "no-such-dir", "deploy.env"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not found\. Copy deploy\.env\.example to deploy\.env/);
  });

  it("names every problem of a bad deploy.env and does nothing else", async () => {
    const result = await run("--dry-run", "--file", envFile({ ...REAL_SETTINGS, STRIPE_SECRET_KEY_TEST: "sk_live_51Hq8aBcDeFgHiJkLmN", API_MULTI_URL: "http://127.0.0.1:8788" }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2 problems; nothing was created\./);
    expect(result.stderr).toMatch(/STRIPE_SECRET_KEY_TEST is a Stripe live-mode key/);
    // A loopback address is refused unless the stand-ins' test mode is asked for.
    expect(result.stderr).toMatch(/API_MULTI_URL points at this machine/);
    expect(result.stdout).not.toMatch(/Bundles/);
  });

  it("in the stand-ins' test mode validates, bundles every worker and the dashboard's production build, and rehearses the provider setup twice", async () => {
    const dry = await run("--dry-run", "--allow-stand-ins", "--file", envFile(STAND_IN_SETTINGS));
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    for (const worker of ["front-auth-api", "api-multi", "oauth-api"]) expect(dry.stdout).toMatch(new RegExp(`${worker}\\s+[\\d.]+ KiB \\(gzip [\\d.]+ KiB\\)`));
    expect(dry.stdout).toMatch(/dashboard\s+[\d.]+ KiB of static assets in \d+ files \(production build\)/);
    // The generated key is named for api-multi only; the queues are named, not looked up or created.
    expect(dry.stdout).toMatch(/api-multi\s+.*WEBHOOK_SECRET_ENCRYPTION_KEY/);
    expect(dry.stdout.match(/WEBHOOK_SECRET_ENCRYPTION_KEY/g)).toHaveLength(1);
    for (const queue of ["dream-api-webhooks", "dream-api-request-logs"]) expect(dry.stdout).toMatch(new RegExp(`planned\\s+Queue ${queue}: created if the account lacks it`));
    expect(dry.stdout).toMatch(/created\s+Stripe test webhook endpoint connect-test → https:\/\/api\.dream-api\.dev\/webhook\/stripe/);
    expect(dry.stdout).toMatch(/Provider setup, second run: nothing created or changed\./);
    // Secrets are named, never printed.
    expect(dry.stdout).not.toContain(STAND_IN_SETTINGS.STRIPE_SECRET_KEY_LIVE);
    expect(dry.stdout).not.toMatch(/whsec_/);
  }, 240_000);
});
