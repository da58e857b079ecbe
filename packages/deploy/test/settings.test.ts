/**
 * deploy.env's validation: a good file passes; each kind of mistake is
 * named in one sentence that says what to put instead; every problem is
 * reported at once; the committed example lists exactly the settings and
 * can never be deployed as it is.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEPLOY_FIELDS, exampleFile, parseEnvFile, validateDeployEnv } from "../src";
import { REAL_SETTINGS } from "./fixtures";

const GOOD: Record<string, string> = REAL_SETTINGS;

function problemsOf(changes: Record<string, string | undefined>, options = {}): string[] {
  const values = { ...GOOD };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete values[name];
    else values[name] = value;
  }
  const result = validateDeployEnv(values, options);
  return result.ok ? [] : result.problems;
}

describe("validateDeployEnv", () => {
  it("passes a complete, real-looking file and returns its settings", () => {
    const result = validateDeployEnv(GOOD);
    expect(result).toEqual({ ok: true, settings: GOOD });
  });

  it.each([
    ["a missing value", { STRIPE_CONNECT_CLIENT_ID: undefined }, /^STRIPE_CONNECT_CLIENT_ID is missing: Stripe dashboard/],
    ["an empty value", { CLOUDFLARE_API_TOKEN: " " }, /^CLOUDFLARE_API_TOKEN is missing/],
    ["a loopback address", { API_MULTI_URL: "http://127.0.0.1:8788" }, /API_MULTI_URL points at this machine \(127\.0\.0\.1:8788\)/],
    ["localhost", { DASHBOARD_URL: "https://localhost:5173" }, /DASHBOARD_URL points at this machine/],
    ["plain http", { OAUTH_API_URL: "http://connect.dream-api.dev" }, /OAUTH_API_URL must use https/],
    ["a path after the origin", { FRONT_AUTH_API_URL: "https://auth.dream-api.dev/v1" }, /FRONT_AUTH_API_URL must be an origin without a path/],
    ["a malformed URL", { DASHBOARD_URL: "app.dream-api.dev" }, /DASHBOARD_URL must be a URL such as https:\/\/api\.example\.com/],
    ["the example address", { DASHBOARD_URL: "https://app.example.com" }, /DASHBOARD_URL is still the example address/],
    ["an example secret", { CLOUDFLARE_API_TOKEN: "REPLACE_WITH_API_TOKEN" }, /CLOUDFLARE_API_TOKEN is still the example value/],
    ["a stand-in's key", { STRIPE_SECRET_KEY_TEST: "sk_test_local_platform_00000000000000000000" }, /STRIPE_SECRET_KEY_TEST is a local stand-in's key/],
    ["a live Stripe key as the test key", { STRIPE_SECRET_KEY_TEST: "sk_live_51Hq8aBcDeFgHiJkLmN" }, /STRIPE_SECRET_KEY_TEST is a Stripe live-mode key; it needs the test-mode secret key/],
    ["a test Stripe key as the live key", { STRIPE_SECRET_KEY_LIVE: "rk_test_51Hq8aBcDeFgHiJkLmN" }, /STRIPE_SECRET_KEY_LIVE is a Stripe test-mode key/],
    ["a publishable Stripe key", { STRIPE_SECRET_KEY_LIVE: "pk_live_51Hq8aBcDeFgHiJkLmN" }, /STRIPE_SECRET_KEY_LIVE is a publishable key/],
    ["a malformed account id", { CLOUDFLARE_ACCOUNT_ID: "0123456789ABCDEF" }, /CLOUDFLARE_ACCOUNT_ID must be 32 lowercase hex characters/],
    ["a Clerk secret where the publishable key goes", { CLERK_END_USER_PUBLISHABLE_KEY: "sk_live_ZyXwVuTsRqPoNmLkJiHgFeDc" }, /CLERK_END_USER_PUBLISHABLE_KEY must be a Clerk publishable key/],
    [
      "Clerk keys of two instances",
      { CLERK_DEVELOPER_PUBLISHABLE_KEY: "pk_test_Y2xlcmsuZHJlYW0tYXBpLmRldiQ" },
      /CLERK_DEVELOPER_SECRET_KEY is a live key but CLERK_DEVELOPER_PUBLISHABLE_KEY a test one/,
    ],
    [
      "one Clerk application for both",
      { CLERK_END_USER_SECRET_KEY: GOOD["CLERK_DEVELOPER_SECRET_KEY"] },
      /are the same: developers \("dream-api"\) and end-users \("end-user-api"\) are two Clerk applications/,
    ],
    ["two services on one address", { OAUTH_API_URL: "https://api.dream-api.dev" }, /OAUTH_API_URL and API_MULTI_URL are the same address/],
    ["an unknown setting (a typo)", { STRIPE_SECRET_KEY_TETS: "sk_test_x" }, /^STRIPE_SECRET_KEY_TETS is not a deploy\.env setting \(a typo\?\)/],
  ])("names %s in one sentence", (_label, changes, message) => {
    const problems = problemsOf(changes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("reports every problem at once, in the order of the settings", () => {
    const problems = problemsOf({ CLOUDFLARE_ACCOUNT_ID: undefined, STRIPE_SECRET_KEY_TEST: "sk_live_51Hq8aBcDeFgHiJkLmN", API_MULTI_URL: "http://localhost:8788" });
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual(["CLOUDFLARE_ACCOUNT_ID", "STRIPE_SECRET_KEY_TEST", "API_MULTI_URL"]);
  });

  it("in the stand-ins' test mode takes loopback http addresses and the stand-ins' keys, and nothing else more", () => {
    const standIns = {
      STRIPE_SECRET_KEY_TEST: "sk_test_local_platform_00000000000000000000",
      API_MULTI_URL: "http://127.0.0.1:8788",
      DASHBOARD_URL: "http://localhost:5173",
    };
    expect(problemsOf(standIns, { allowStandIns: true })).toEqual([]);
    expect(problemsOf({ ...standIns, CLOUDFLARE_API_TOKEN: "REPLACE_WITH_API_TOKEN" }, { allowStandIns: true })).toEqual([expect.stringMatching(/CLOUDFLARE_API_TOKEN is still the example value/)]);
    expect(problemsOf({ ...standIns, OAUTH_API_URL: "http://connect.dream-api.dev" }, { allowStandIns: true })).toEqual([expect.stringMatching(/must use https/)]);
  });
});

describe("deploy.env.example", () => {
  const committed = readFileSync(new URL("../../../deploy.env.example", import.meta.url), "utf8");

  it("is the file exampleFile() writes, listing every setting once", () => {
    expect(committed).toBe(exampleFile());
    const { values, problems } = parseEnvFile(committed);
    expect(problems).toEqual([]);
    expect(Object.keys(values)).toEqual(DEPLOY_FIELDS.map((field) => field.name));
  });

  it("cannot be deployed as it is: every setting is refused", () => {
    const result = validateDeployEnv(parseEnvFile(committed).values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(DEPLOY_FIELDS.length);
  });
});

describe("parseEnvFile", () => {
  it("reads NAME=value lines with comments, quotes and export, and names a line it cannot read", () => {
    const text = ["# a comment", "", "export A=1", 'B="two words"', "C='#not a comment'", "D=plain # trailing comment", "not a setting", "A=again"].join("\n");
    expect(parseEnvFile(text)).toEqual({
      values: { A: "again", B: "two words", C: "#not a comment", D: "plain" },
      problems: ["line 7: expected NAME=value", "line 8: A is set twice"],
    });
  });
});

describe("DEPLOY_FIELDS", () => {
  it("describes every setting once, in SETTING_NAMES' order", async () => {
    const { SETTING_NAMES } = await import("../src/settings");
    expect(DEPLOY_FIELDS.map((field) => field.name)).toEqual([...SETTING_NAMES]);
  });
});
