/**
 * The published package: src uses no Node built-ins, and the tsc build
 * (ESM + .d.ts) loads in plain Node through the package's `exports` and
 * talks to the real api-multi.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stack } from "./support/stack.js";

const SDK = join(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []));
}

describe("package", () => {
  it("has no Node built-ins and no runtime dependencies", () => {
    for (const file of sourceFiles(join(SDK, "src"))) {
      // Code only: JSDoc examples may mention process.env.
      const text = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect(text, file).not.toMatch(/from\s+["'](node:|fs|path|http|https|crypto|os|url|buffer|stream|util)["']/);
      expect(text, file).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
    }
    const pkg = JSON.parse(readFileSync(join(SDK, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg["dependencies"]).toBeUndefined();
    expect(pkg["type"]).toBe("module");
    expect(pkg["files"]).toEqual(["dist"]);
    expect(pkg["exports"]).toMatchObject({ ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } });
  });

  it("builds with tsc and runs from dist in plain Node via its exports", () => {
    const out = mkdtempSync(join(tmpdir(), "dream-api-client-pkg-"));
    try {
      // A node_modules/@dream-api/client with package.json + dist, as npm would install it.
      const pkgDir = join(out, "node_modules", "@dream-api", "client");
      mkdirSync(pkgDir, { recursive: true });
      const tsc = join(SDK, "node_modules", ".bin", "tsc");
      execFileSync(tsc, ["-p", join(SDK, "tsconfig.build.json"), "--outDir", join(pkgDir, "dist")], { stdio: "pipe" });
      cpSync(join(SDK, "package.json"), join(pkgDir, "package.json"));
      expect(readdirSync(join(pkgDir, "dist"))).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "client.js", "types.d.ts"]));

      const script = join(out, "main.mjs");
      writeFileSync(
        script,
        `import { DreamApi, UsageLimitError } from "@dream-api/client";
const dream = new DreamApi({ baseUrl: process.argv[2], publishableKey: process.argv[3] });
const { tiers, mode } = await dream.tiers.listPublic();
console.log(JSON.stringify({ names: tiers.map((t) => t.name), mode, error: typeof UsageLimitError }));`,
      );
      const output = execFileSync(process.execPath, [script, stack.apiUrl, stack.publishableKey], { cwd: out, encoding: "utf8" });
      expect(JSON.parse(output.trim())).toEqual({ names: ["free", "pro", "lifetime"], mode: "test", error: "function" });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
