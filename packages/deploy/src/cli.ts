/**
 * `pnpm run deploy [--dry-run] [--file deploy.env] [--allow-stand-ins]`
 *
 * Reads and validates deploy.env first, reporting every problem at once;
 * nothing is created before it passes. Then deploys (deploy.ts), or with
 * `--dry-run` does everything that runs offline.
 *
 * `--allow-stand-ins` is the test mode (CI): loopback http addresses and the
 * local stand-ins' keys pass validation (settings.ts). The file option is
 * `--file`, not `--env-file`: Node 20 reads `--env-file` anywhere on its
 * command line, after the script too, and exits on it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { wranglerFor } from "./cloudflare";
import { deploy, dryRun } from "./deploy";
import { parseEnvFile } from "./env-file";
import { validateDeployEnv } from "./settings";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

interface Args {
  dryRun: boolean;
  envFile: string;
  allowStandIns: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, envFile: join(ROOT, "deploy.env"), allowStandIns: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--dry-run") args.dryRun = true;
    else if (arg === "--allow-stand-ins") args.allowStandIns = true;
    else if (arg === "--file" && argv[index + 1]) args.envFile = resolve(argv[++index] as string);
    else if (arg !== "--") throw new Error(`Unknown argument ${arg}. Usage: pnpm run deploy [--dry-run] [--file deploy.env] [--allow-stand-ins]`);
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.envFile)) {
    console.error(`${args.envFile} not found. Copy deploy.env.example to deploy.env and fill in every value (docs/deploy.md).`);
    return 1;
  }
  const file = parseEnvFile(readFileSync(args.envFile, "utf8"));
  const validation = validateDeployEnv(file.values, { allowStandIns: args.allowStandIns });
  const problems = [...file.problems, ...(validation.ok ? [] : validation.problems)];
  if (problems.length > 0 || !validation.ok) {
    console.error(`${args.envFile}: ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was created.`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  console.log(`deploy.env: valid${args.allowStandIns ? " (test mode: the local stand-ins are allowed)" : ""}.`);
  const context = { root: ROOT, settings: validation.settings, wrangler: wranglerFor(validation.settings, ROOT), log: (line: string) => console.log(line) };
  if (args.dryRun) await dryRun(context);
  else await deploy(context);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
