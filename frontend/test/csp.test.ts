import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, loadEnv } from "vite";
import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, clerkFrontendApiHost, headersFile, inlineScriptHashes } from "../csp";
import { dashboardConfig } from "../src/config";

const ROOT = join(import.meta.dirname, "..");
const local = dashboardConfig({});
const clerkKey = (host: string, mode = "test") => `pk_${mode}_${Buffer.from(`${host}$`).toString("base64")}`;

/** The directive's sources, or undefined when the policy lacks it. */
function directive(policy: string, name: string): string[] | undefined {
  const found = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  return found?.slice(1);
}

describe("clerkFrontendApiHost", () => {
  it("decodes the Frontend API host from test and live publishable keys", () => {
    expect(clerkFrontendApiHost(clerkKey("clerk.dream-api.dev", "live"))).toBe("clerk.dream-api.dev");
    expect(clerkFrontendApiHost(clerkKey("happy-otter-12.clerk.accounts.dev"))).toBe("happy-otter-12.clerk.accounts.dev");
    expect(clerkFrontendApiHost(clerkKey("happy-otter-12.clerk.accounts.dev").replace(/=+$/, ""))).toBe("happy-otter-12.clerk.accounts.dev");
  });

  it.each([
    "",
    "pk_test_",
    `sk_test_${Buffer.from("clerk.x.dev$").toString("base64")}`,
    `pk_test_${Buffer.from("clerk.x.dev").toString("base64")}`,
    clerkKey("evil.dev; script-src *"),
    clerkKey("a b"),
  ])("refuses %j", (key) => {
    expect(clerkFrontendApiHost(key)).toBeNull();
  });
});

describe("buildContentSecurityPolicy", () => {
  it("forbids framing, plugins and <base>, and lets forms post only to us", () => {
    const policy = buildContentSecurityPolicy({ config: local, dev: false });
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "base-uri")).toEqual(["'none'"]);
    expect(directive(policy, "form-action")).toEqual(["'self'"]);
    expect(directive(policy, "default-src")).toEqual(["'self'"]);
  });

  it("lets the page call the three workers it is configured with (and the local Clerk stand-in while it is used)", () => {
    const config = dashboardConfig({
      VITE_FRONT_AUTH_API_URL: "https://auth.dream-api.dev/",
      VITE_API_MULTI_URL: "https://api.dream-api.dev",
      VITE_OAUTH_API_URL: "https://oauth.dream-api.dev/v1",
    });
    const connect = directive(buildContentSecurityPolicy({ config, dev: false }), "connect-src");
    expect(connect).toEqual(["'self'", "https://auth.dream-api.dev", "https://api.dream-api.dev", "https://oauth.dream-api.dev", "http://127.0.0.1:12112"]);
  });

  it("keeps production scripts to 'self' and the given hashes: no 'unsafe-inline', no 'unsafe-eval'", () => {
    const policy = buildContentSecurityPolicy({ config: local, dev: false, scriptHashes: ["'sha256-abc='"] });
    expect(directive(policy, "script-src")).toEqual(["'self'", "'sha256-abc='"]);
    expect(directive(policy, "img-src")).toEqual(["'self'", "data:", "https:"]);
    expect(directive(policy, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("adds http: images and the HMR websocket in dev only", () => {
    const dev = buildContentSecurityPolicy({ config: local, dev: true, devWebSocketOrigin: "ws://127.0.0.1:5173" });
    expect(directive(dev, "img-src")).toContain("http:");
    expect(directive(dev, "connect-src")).toContain("ws://127.0.0.1:5173");
    const production = buildContentSecurityPolicy({ config: local, dev: false, devWebSocketOrigin: "ws://127.0.0.1:5173" });
    expect(directive(production, "connect-src")).not.toContain("ws://127.0.0.1:5173");
  });

  it("allows Clerk's Frontend API and Cloudflare's challenge when Clerk keys are set, and drops the stand-in", () => {
    const config = dashboardConfig({
      VITE_CLERK_PUBLISHABLE_KEY: clerkKey("clerk.dream-api.dev", "live"),
      VITE_CLERK_END_USER_PUBLISHABLE_KEY: clerkKey("clerk.users.dream-api.dev", "live"),
    });
    const policy = buildContentSecurityPolicy({ config, dev: false });
    for (const name of ["script-src", "connect-src"]) {
      expect(directive(policy, name)).toEqual(expect.arrayContaining(["https://clerk.dream-api.dev", "https://clerk.users.dream-api.dev"]));
    }
    expect(directive(policy, "script-src")).toContain("https://challenges.cloudflare.com");
    expect(directive(policy, "frame-src")).toContain("https://challenges.cloudflare.com");
    expect(directive(policy, "worker-src")).toEqual(["'self'", "blob:"]);
    expect(directive(policy, "img-src")).toContain("https:");
    expect(directive(policy, "connect-src")).not.toContain("http://127.0.0.1:12112");
    expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
  });

  it("without Clerk, frames nothing", () => {
    expect(directive(buildContentSecurityPolicy({ config: local, dev: false }), "frame-src")).toEqual(["'none'"]);
  });
});

describe("inlineScriptHashes", () => {
  it("hashes inline scripts exactly as the browser does and skips external ones", () => {
    const body = 'import { injectIntoGlobalHook } from "/@react-refresh";\ninjectIntoGlobalHook(window);';
    const html = `<head><script type="module">${body}</script>\n<script type="module" src="/@vite/client"></script><SCRIPT>a()</SCRIPT></head>`;
    const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(inlineScriptHashes(html)).toEqual([sha(body), sha("a()")]);
    expect(inlineScriptHashes("<script src=/x.js></script>")).toEqual([]);
  });
});

describe("vite build", () => {
  it("writes dist/_headers with the policy for every path", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "dream-frontend-build-"));
    try {
      await build({ root: ROOT, configFile: join(ROOT, "vite.config.ts"), logLevel: "silent", build: { outDir, emptyOutDir: true } });
      expect(existsSync(join(outDir, "_headers"))).toBe(true);
      const html = readFileSync(join(outDir, "index.html"), "utf8");
      const config = dashboardConfig(loadEnv("production", ROOT, "VITE_"));
      const expected = headersFile(buildContentSecurityPolicy({ config, dev: false, scriptHashes: inlineScriptHashes(html) }));
      const written = readFileSync(join(outDir, "_headers"), "utf8");
      expect(written).toBe(expected);
      expect(written).toMatch(/^\/\*\n {2}Content-Security-Policy: .*frame-ancestors 'none'/m);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
