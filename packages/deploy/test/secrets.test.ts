/**
 * The secrets a worker gets in production are the ones it reads locally:
 * each worker's .dev.vars.example (what `pnpm dev` runs with) names exactly
 * the secrets the deploy sets — from deploy.env, made by the deploy, or
 * from the Stripe setup's webhook endpoints.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WORKERS } from "../src";
import { generatedSecrets, secretsFromSettings } from "../src/secrets";
import { webhookEndpointSpecs } from "../src/stripe-setup";
import { REAL_SETTINGS } from "./fixtures";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const none = { "front-auth-api": new Set<string>(), "api-multi": new Set<string>(), "oauth-api": new Set<string>() };

function devVarsNames(worker: string): string[] {
  return readFileSync(`${ROOT}/${worker}/.dev.vars.example`, "utf8")
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split("=")[0] as string)
    .sort();
}

describe("production secrets", () => {
  it.each(WORKERS)("%s: the deploy sets exactly the secrets of its .dev.vars.example", (worker) => {
    const names = [
      ...Object.keys(secretsFromSettings(REAL_SETTINGS)[worker]),
      ...Object.keys(generatedSecrets(none)[worker]),
      ...webhookEndpointSpecs(REAL_SETTINGS)
        .filter((spec) => spec.worker === worker)
        .map((spec) => spec.secretName),
    ].sort();
    expect(names).toEqual(devVarsNames(worker));
  });

  it("front-auth-api charges the $15 plan with the key of PLATFORM_BILLING_MODE", () => {
    expect(secretsFromSettings(REAL_SETTINGS)["front-auth-api"]["STRIPE_SECRET_KEY"]).toBe(REAL_SETTINGS.STRIPE_SECRET_KEY_LIVE);
    expect(secretsFromSettings({ ...REAL_SETTINGS, PLATFORM_BILLING_MODE: "test" })["front-auth-api"]["STRIPE_SECRET_KEY"]).toBe(REAL_SETTINGS.STRIPE_SECRET_KEY_TEST);
  });

  it("the OAuth state key is made once: a worker that has one keeps it", () => {
    const first = generatedSecrets(none)["oauth-api"]["OAUTH_STATE_SECRET"];
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generatedSecrets(none)["oauth-api"]["OAUTH_STATE_SECRET"]).not.toBe(first);
    expect(generatedSecrets({ ...none, "oauth-api": new Set(["OAUTH_STATE_SECRET"]) })["oauth-api"]).toEqual({});
  });
});

describe("the webhook-secret encryption key", () => {
  it("is 32 random bytes in standard base64, made only for api-multi", () => {
    const secrets = generatedSecrets(none);
    const key = secrets["api-multi"]["WEBHOOK_SECRET_ENCRYPTION_KEY"] as string;
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(generatedSecrets(none)["api-multi"]["WEBHOOK_SECRET_ENCRYPTION_KEY"]).not.toBe(key);
    expect(secrets["front-auth-api"]).not.toHaveProperty("WEBHOOK_SECRET_ENCRYPTION_KEY");
    expect(secrets["oauth-api"]).not.toHaveProperty("WEBHOOK_SECRET_ENCRYPTION_KEY");
  });

  it("is made once: an api-multi that has one keeps it (a new key would leave every stored endpoint secret unreadable)", () => {
    expect(generatedSecrets({ ...none, "api-multi": new Set(["WEBHOOK_SECRET_ENCRYPTION_KEY"]) })["api-multi"]).toEqual({});
  });
});
