#!/usr/bin/env node
/**
 * All SQL lives in packages/shared/src/db/<table>.ts, next to the table it
 * owns. Fails (exit 1, listing file:line) when `.prepare(` appears in any
 * .ts/.mjs source of the workers or the packages outside that folder.
 * Tests, the stand-ins (emulators/), the benchmark (bench/) and the test kit
 * (packages/testkit) are not product sources and may seed D1 directly.
 *
 * Usage: node scripts/check-sql-placement.mjs
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const ALLOWED = "packages/shared/src/db/";
const EXEMPT_PACKAGES = new Set(["testkit"]);
const SOURCE = /\.(ts|mjs)$/;
const PREPARE = /\.prepare\(/;

/** @returns {string[]} */
function sourceRoots() {
  const roots = ["api-multi/src", "front-auth-api/src", "oauth-api/src"];
  for (const name of readdirSync(join(root, "packages"))) {
    if (!EXEMPT_PACKAGES.has(name)) roots.push(`packages/${name}/src`);
  }
  return roots.filter((dir) => {
    try {
      return statSync(join(root, dir)).isDirectory();
    } catch {
      return false;
    }
  });
}

/**
 * @param {string} dir
 * @returns {Generator<string>}
 */
function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") yield* filesUnder(path);
    } else if (SOURCE.test(entry.name)) {
      yield path;
    }
  }
}

/** @type {string[]} */
const offences = [];
for (const dir of sourceRoots()) {
  for (const file of filesUnder(join(root, dir))) {
    const name = relative(root, file).split(sep).join("/");
    if (name.startsWith(ALLOWED)) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (PREPARE.test(line)) offences.push(`${name}:${index + 1}: ${line.trim()}`);
      });
  }
}

if (offences.length > 0) {
  console.error(`SQL outside ${ALLOWED} (move each statement into the db module of its table):`);
  for (const offence of offences) console.error(`  ${offence}`);
  process.exit(1);
}
console.log(`check-sql-placement: no .prepare( outside ${ALLOWED}`);
