/**
 * `pnpm smoke`: the product's main journey against a deployed platform in
 * Stripe's test mode (docs/deploy.md#smoke-test). Not run by CI: it needs
 * the platform's addresses and real test-mode keys, and the internet.
 *
 *   pnpm smoke                    reads deploy.env at the root
 *   pnpm smoke --file <path>      reads another file of that form
 *   pnpm smoke --local            the stack `pnpm dev` runs on this machine
 *
 * Exit status: 0 when every step passed, 1 when a step failed, 2 when the
 * settings stop it before anything is created.
 */
import { parseArgs } from "node:util";
import { runJourney } from "./journey";
import { consoleOutput } from "./runner";
import { TargetError, localTarget, targetFromDeployEnv, type SmokeTarget } from "./target";

const USAGE = "usage: pnpm smoke [--file <deploy.env>] | pnpm smoke --local";

function readTarget(argv: string[]): SmokeTarget {
  const { values } = parseArgs({ args: argv, options: { file: { type: "string" }, local: { type: "boolean" }, help: { type: "boolean", short: "h" } }, strict: true });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.local && values.file) throw new TargetError(["--local and --file exclude each other: --local runs against pnpm dev's stack, --file against a deploy."]);
  return values.local ? localTarget() : targetFromDeployEnv(values.file);
}

let target: SmokeTarget;
try {
  target = readTarget(process.argv.slice(2));
} catch (error) {
  if (error instanceof TargetError) {
    console.error(`The smoke test did not start:\n${error.problems.map((problem) => `  - ${problem}`).join("\n")}`);
  } else {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  process.exit(2);
}

const { passed } = await runJourney(target, consoleOutput);
process.exit(passed ? 0 : 1);
