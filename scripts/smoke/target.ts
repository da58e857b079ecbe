/**
 * What the smoke test runs against: the four public addresses of a deployed
 * platform and the keys it needs, read from deploy.env (the deploy's own
 * file, parsed and checked by packages/deploy), or the local stack
 * `pnpm dev` runs (`--local`).
 *
 * Test mode only. The smoke never reads STRIPE_SECRET_KEY_LIVE, refuses a
 * STRIPE_SECRET_KEY_TEST that is not a test-mode key, and pays only on
 * Checkout sessions Stripe itself reports as test mode (journey.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEPLOY_FIELDS, parseEnvFile } from "@dream-api/deploy";
import { CLERK_PORT, DASHBOARD_PORT, ROOT, SERVICES, STRIPE_PORT, readDevVars, stackConfig, url } from "../lib/stack.mjs";

export interface SmokeTarget {
  /** Where the addresses and keys came from, for the first line of output. */
  source: string;
  dashboardUrl: string;
  frontAuthApiUrl: string;
  apiMultiUrl: string;
  oauthApiUrl: string;
  /** Clerk's Backend API (https://api.clerk.com) or the local stand-in. */
  clerkApiUrl: string;
  /** True when Clerk is the local stand-in, which signs developers in through its `/local` routes (clerk.ts). */
  clerkStandIn: boolean;
  /** Secret key of the "dream-api" Clerk application (developers). */
  clerkDeveloperSecretKey: string;
  /** Secret key of the "end-user-api" Clerk application (everyone's end-users). */
  clerkEndUserSecretKey: string;
  /** Stripe's API (https://api.stripe.com) or the local stand-in. */
  stripeApiUrl: string;
  /** The platform's test-mode Stripe key: only to ask Stripe whether a Checkout session is a test one. */
  stripeTestSecretKey: string;
}

/** A setting that stops the smoke before it creates anything; `problems` are whole sentences. */
export class TargetError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** The deploy.env settings the smoke reads; the others (Cloudflare, live keys, publishable keys) it leaves alone. */
const SMOKE_SETTINGS = ["DASHBOARD_URL", "FRONT_AUTH_API_URL", "API_MULTI_URL", "OAUTH_API_URL", "CLERK_DEVELOPER_SECRET_KEY", "CLERK_END_USER_SECRET_KEY", "STRIPE_SECRET_KEY_TEST"] as const;

const CLERK_API_URL = "https://api.clerk.com";
const STRIPE_API_URL = "https://api.stripe.com";

/**
 * A Clerk production instance (sk_live_) cannot make sessions from the
 * Backend API: POST /v1/sessions "is intended only for use in testing, and
 * is not available for production instances" (Clerk's BAPI reference).
 */
const CLERK_PRODUCTION_KEY = /^sk_live_/;

/** The settings of `file` (default deploy.env at the root), each checked as the deploy checks it. */
export function targetFromDeployEnv(file = resolve(ROOT, "deploy.env")): SmokeTarget {
  if (!existsSync(file))
    throw new TargetError([`${file} does not exist: copy deploy.env.example to deploy.env and fill it in (docs/deploy.md), pass --file <path>, or use --local for the stack pnpm dev runs.`]);
  const { values, problems } = parseEnvFile(readFileSync(file, "utf8"));
  const found = problems.map((problem) => `${file}: ${problem}`);
  const valid = new Set<string>();
  for (const name of SMOKE_SETTINGS) {
    const field = DEPLOY_FIELDS.find((candidate) => candidate.name === name);
    const value = values[name]?.trim() ?? "";
    if (!field) continue;
    const problem = value === "" ? `${name} is missing: ${field.description}` : field.check(value, {});
    if (problem) found.push(problem);
    else valid.add(name);
  }
  const settings = Object.fromEntries(SMOKE_SETTINGS.map((name) => [name, values[name]?.trim() ?? ""])) as Record<(typeof SMOKE_SETTINGS)[number], string>;
  if (valid.has("CLERK_DEVELOPER_SECRET_KEY") && CLERK_PRODUCTION_KEY.test(settings.CLERK_DEVELOPER_SECRET_KEY)) {
    found.push(
      "CLERK_DEVELOPER_SECRET_KEY is a Clerk production instance's key (sk_live_…): Clerk makes sessions from the Backend API (POST /v1/sessions) only on development instances, so the smoke cannot sign a developer in. Run it against a deploy whose Clerk applications are development instances (sk_test_…).",
    );
  }
  if (found.length > 0) throw new TargetError(found);
  return {
    source: file,
    dashboardUrl: origin(settings.DASHBOARD_URL),
    frontAuthApiUrl: origin(settings.FRONT_AUTH_API_URL),
    apiMultiUrl: origin(settings.API_MULTI_URL),
    oauthApiUrl: origin(settings.OAUTH_API_URL),
    clerkApiUrl: CLERK_API_URL,
    clerkStandIn: false,
    clerkDeveloperSecretKey: settings.CLERK_DEVELOPER_SECRET_KEY,
    clerkEndUserSecretKey: settings.CLERK_END_USER_SECRET_KEY,
    stripeApiUrl: STRIPE_API_URL,
    stripeTestSecretKey: settings.STRIPE_SECRET_KEY_TEST,
  };
}

/**
 * The stack `pnpm dev` runs on this machine, with the keys its workers use:
 * each worker's .dev.vars (made from .dev.vars.example by `pnpm dev`), or the
 * example itself before the first run. Stripe and Clerk are the stand-ins
 * unless .dev.vars points the workers at the real services (stackConfig).
 */
export function localTarget(): SmokeTarget {
  const vars = (dir: string) => {
    const own = readDevVars(dir);
    return Object.keys(own).length > 0 ? own : readDevVars(dir, ".dev.vars.example");
  };
  const stack = stackConfig();
  const frontAuth = vars(SERVICES.frontAuthApi.dir);
  const apiMulti = vars(SERVICES.apiMulti.dir);
  const target: SmokeTarget = {
    source: "the local stack (pnpm dev)",
    dashboardUrl: url(DASHBOARD_PORT),
    frontAuthApiUrl: url(SERVICES.frontAuthApi.port),
    apiMultiUrl: url(SERVICES.apiMulti.port),
    oauthApiUrl: url(SERVICES.oauthApi.port),
    clerkApiUrl: stack.localClerk ? url(CLERK_PORT) : CLERK_API_URL,
    clerkStandIn: stack.localClerk,
    clerkDeveloperSecretKey: frontAuth["CLERK_SECRET_KEY"] ?? "",
    clerkEndUserSecretKey: apiMulti["CLERK_SECRET_KEY"] ?? "",
    stripeApiUrl: stack.localStripe ? url(STRIPE_PORT) : STRIPE_API_URL,
    stripeTestSecretKey: apiMulti["STRIPE_SECRET_KEY_TEST"] ?? "",
  };
  const problems: string[] = [];
  if (!/^(sk|rk)_test_/.test(target.stripeTestSecretKey)) problems.push("api-multi's STRIPE_SECRET_KEY_TEST (.dev.vars) is not a Stripe test-mode key (sk_test_…); the smoke runs in test mode only.");
  if (!target.clerkDeveloperSecretKey || !target.clerkEndUserSecretKey) problems.push("front-auth-api's or api-multi's CLERK_SECRET_KEY is missing from .dev.vars: run pnpm dev once to make it.");
  if (!target.clerkStandIn && CLERK_PRODUCTION_KEY.test(target.clerkDeveloperSecretKey)) {
    problems.push("front-auth-api's CLERK_SECRET_KEY is a Clerk production instance's key (sk_live_…): Clerk makes sessions from the Backend API only on development instances.");
  }
  if (problems.length > 0) throw new TargetError(problems);
  return target;
}

function origin(address: string): string {
  return new URL(address).origin;
}
