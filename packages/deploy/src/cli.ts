/**
 * `pnpm run deploy [--dry-run] [--file deploy.env] [--allow-stand-ins]`
 *
 * Reads and validates deploy.env first, reporting every problem at once;
 * nothing is created before it passes. So far (issue 17, in progress) the
 * dry run does what comes next offline: each worker's production
 * configuration (production-config.ts) and `wrangler deploy --dry-run` with
 * it, printing the vars and the bundle size. Deploying for real and the
 * provider setup are not built yet: without `--dry-run` the command says so
 * and stops.
 *
 * `--allow-stand-ins` is the test mode (CI): loopback http addresses and the
 * local stand-ins' keys pass validation (settings.ts). The file option is
 * `--file`, not `--env-file`: Node 20 reads `--env-file` anywhere on its
 * command line, after the script too, and exits on it.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parseEnvFile } from "./env-file";
import { dryRunResources, productionConfig, readWranglerConfig, WORKERS, type Worker, type WranglerConfig } from "./production-config";
import { type DeploySettings, validateDeployEnv } from "./settings";

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

/** Bundles a worker with its production configuration as `wrangler deploy --dry-run` would upload it, and reads the sizes wrangler prints. */
async function bundleSize(worker: Worker, config: WranglerConfig): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), `dream-deploy-${worker}-`));
  try {
    const configPath = join(outdir, "wrangler.production.json");
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const wrangler = join(ROOT, worker, "node_modules", ".bin", "wrangler");
    const { stdout, stderr } = await promisify(execFile)(wrangler, ["deploy", "--dry-run", "--config", configPath, "--outdir", join(outdir, "bundle")], {
      cwd: join(ROOT, worker),
      maxBuffer: 16 * 1024 * 1024,
    });
    const sizes = /Total Upload: ([\d.]+ KiB) \/ gzip: ([\d.]+ KiB)/.exec(`${stdout}\n${stderr}`);
    if (!sizes) throw new Error(`wrangler printed no bundle size for ${worker}`);
    return `${sizes[1]} (gzip ${sizes[2]})`;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
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
  if (!args.dryRun) {
    console.error("Deploying is not built yet: only `pnpm run deploy --dry-run` runs so far (validation and bundles). Nothing was created.");
    return 2;
  }
  const configs = productionConfigs(validation.settings);
  console.log("Production configurations (vars; secrets are not vars):");
  for (const worker of WORKERS)
    console.log(
      `  ${worker.padEnd(16)} ${Object.entries(configs[worker].vars ?? {})
        .map(([name, value]) => `${name}=${value}`)
        .join(" ")}`,
    );
  console.log("Bundles (wrangler deploy --dry-run --config <production>):");
  for (const worker of WORKERS) console.log(`  ${worker.padEnd(16)} ${await bundleSize(worker, configs[worker])}`);
  console.log("Dry run done. Not yet part of it: creating D1, KV, secrets and migrations, the provider setup, the dashboard's production build.");
  return 0;
}

/** Each worker's production configuration, with placeholder ids (nothing exists on Cloudflare in a dry run). */
function productionConfigs(settings: DeploySettings): Record<Worker, WranglerConfig> {
  const bases = WORKERS.map((worker) => readWranglerConfig(ROOT, worker));
  const resources = dryRunResources(bases);
  return Object.fromEntries(WORKERS.map((worker, index) => [worker, productionConfig({ root: ROOT, worker, base: bases[index] as WranglerConfig, settings, resources })])) as Record<
    Worker,
    WranglerConfig
  >;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
