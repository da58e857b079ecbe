/**
 * A worker's production wrangler configuration, made from its committed
 * `wrangler.jsonc` (the one source of its bindings, limits and crons) and
 * deploy.env: the addresses that point at this machine for `pnpm dev` are
 * replaced or dropped (the SDKs then reach the real Stripe and Clerk), the
 * D1 and KV ids are the production ones, local-only settings go, and
 * Workers observability is on. The deploy passes it to wrangler with
 * `--config`; nothing production-specific is committed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ParseError, parse as parseJsonc } from "jsonc-parser";
import type { DeploySettings } from "./settings";

export const WORKERS = ["front-auth-api", "api-multi", "oauth-api"] as const;
export type Worker = (typeof WORKERS)[number];

export interface WranglerConfig {
  name: string;
  /** Absent for an assets-only worker (the dashboard). */
  main?: string;
  vars?: Record<string, string>;
  d1_databases?: { binding: string; database_name: string; database_id: string; migrations_dir?: string }[];
  kv_namespaces?: { binding: string; id: string }[];
  queues?: { producers?: { binding: string; queue: string }[]; consumers?: { queue: string; [setting: string]: unknown }[] };
  [key: string]: unknown;
}

/** What the deploy made (or found) on Cloudflare: the D1 database and each KV namespace by binding. */
export interface ProductionResources {
  d1DatabaseId: string;
  kvNamespaceIds: Record<string, string>;
}

/**
 * Production values of the vars that differ from `pnpm dev`'s; `undefined`
 * drops the var. Every other var keeps its committed value. A new var that
 * points at this machine must be added here (productionConfig refuses it).
 */
const PRODUCTION_VARS: Record<string, (settings: DeploySettings) => string | undefined> = {
  // Unset: stripe-node and @clerk/backend use Stripe's and Clerk's own addresses.
  STRIPE_API_BASE: () => undefined,
  CLERK_API_URL: () => undefined,
  DASHBOARD_URL: (settings) => settings.DASHBOARD_URL,
  CORS_ORIGINS: (settings) => settings.DASHBOARD_URL,
  CLERK_AUTHORIZED_PARTIES: (settings) => settings.DASHBOARD_URL,
  DEVELOPER_AUTHORIZED_PARTIES: (settings) => settings.DASHBOARD_URL,
  STRIPE_CONNECT_AUTHORIZE_URL: () => "https://connect.stripe.com/oauth/authorize",
  STRIPE_CONNECT_CLIENT_ID: (settings) => settings.STRIPE_CONNECT_CLIENT_ID,
  CONNECT_REDIRECT_URI: (settings) => `${settings.OAUTH_API_URL}/connect/callback`,
};

const LOCAL_ADDRESS = /\b(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0)\b/;

/** The committed wrangler.jsonc of a worker (comments and trailing commas allowed, as wrangler allows them). */
export function readWranglerConfig(root: string, worker: Worker): WranglerConfig {
  const errors: ParseError[] = [];
  const config = parseJsonc(readFileSync(join(root, worker, "wrangler.jsonc"), "utf8"), errors, { allowTrailingComma: true }) as WranglerConfig;
  if (errors.length > 0) throw new Error(`${worker}/wrangler.jsonc is not valid JSONC (at offset ${errors[0]?.offset}).`);
  return config;
}

/** The queues a worker sends to or consumes from, by name (Cloudflare finds a queue by its name; there is no id to fill in). */
export function queueNames(config: WranglerConfig): string[] {
  return [...new Set([...(config.queues?.producers ?? []), ...(config.queues?.consumers ?? [])].map((binding) => binding.queue))];
}

export function productionConfig(input: { root: string; worker: Worker; base: WranglerConfig; settings: DeploySettings; resources: ProductionResources }): WranglerConfig {
  const { root, worker, base, settings, resources } = input;
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(base.vars ?? {})) {
    const production = Object.hasOwn(PRODUCTION_VARS, name) ? PRODUCTION_VARS[name]?.(settings) : value;
    if (production === undefined) continue;
    if (LOCAL_ADDRESS.test(production) && !LOCAL_ADDRESS.test(settings.DASHBOARD_URL)) {
      throw new Error(`${worker}: var ${name} points at this machine (${production}); give it a production value in packages/deploy/src/production-config.ts.`);
    }
    vars[name] = production;
  }
  const { dev: _dev, $schema: _schema, ...rest } = base;
  return {
    ...rest,
    main: join(root, worker, base.main ?? "src/index.ts"),
    vars,
    d1_databases: (base.d1_databases ?? []).map(({ migrations_dir, ...database }) => ({
      ...database,
      database_id: resources.d1DatabaseId,
      ...(migrations_dir ? { migrations_dir: join(root, worker, migrations_dir) } : {}),
    })),
    kv_namespaces: (base.kv_namespaces ?? []).map((namespace) => {
      const id = resources.kvNamespaceIds[namespace.binding];
      if (!id) throw new Error(`${worker}: no production KV namespace for ${namespace.binding}.`);
      return { binding: namespace.binding, id };
    }),
    ...publicAddress(base.name, settings[ADDRESS_SETTING[worker]]),
    // On whatever the committed file says; its other observability settings (sampling) are kept.
    observability: { ...(base.observability as Record<string, unknown> | undefined), enabled: true },
  };
}

/** The deploy.env setting that holds each part's public address. */
export const ADDRESS_SETTING = {
  "front-auth-api": "FRONT_AUTH_API_URL",
  "api-multi": "API_MULTI_URL",
  "oauth-api": "OAUTH_API_URL",
  dashboard: "DASHBOARD_URL",
} as const satisfies Record<Worker | "dashboard", keyof DeploySettings>;

/**
 * How a worker is reached at its address: a `*.workers.dev` address is the
 * worker's own (its first label must be the worker's name); any other host
 * becomes a Custom Domain of the worker (its zone must be on the Cloudflare
 * account) and the workers.dev address is switched off, so there is one way
 * in. A loopback address (the stand-ins' test mode) needs neither.
 */
export function publicAddress(workerName: string, address: string): { workers_dev: boolean; routes?: { pattern: string; custom_domain: true }[] } {
  const host = new URL(address).hostname;
  if (LOCAL_ADDRESS.test(host)) return { workers_dev: true };
  if (host.endsWith(".workers.dev")) {
    const label = host.split(".")[0];
    if (label !== workerName)
      throw new Error(
        `${address} is a workers.dev address of a worker named "${label}", but this worker is named "${workerName}": use https://${workerName}.<your-subdomain>.workers.dev or a custom domain.`,
      );
    return { workers_dev: true };
  }
  return { workers_dev: false, routes: [{ pattern: host, custom_domain: true }] };
}

/** The dashboard and the hosted pricing pages: an assets-only worker serving the production build (single-page app). */
export const DASHBOARD_WORKER = "dream-api-dashboard";

export function dashboardWorkerConfig(input: { assetsDirectory: string; compatibilityDate: string; settings: DeploySettings }): WranglerConfig {
  return {
    name: DASHBOARD_WORKER,
    compatibility_date: input.compatibilityDate,
    assets: { directory: input.assetsDirectory, not_found_handling: "single-page-application" },
    ...publicAddress(DASHBOARD_WORKER, input.settings.DASHBOARD_URL),
    observability: { enabled: true },
  } as WranglerConfig;
}

/** Ids that let `wrangler deploy --dry-run` bundle before anything exists on Cloudflare. */
export function dryRunResources(workers: readonly WranglerConfig[]): ProductionResources {
  const bindings = [...new Set(workers.flatMap((config) => (config.kv_namespaces ?? []).map((namespace) => namespace.binding)))];
  return {
    d1DatabaseId: "00000000-0000-4000-8000-0000000000d1",
    kvNamespaceIds: Object.fromEntries(bindings.map((binding, index) => [binding, `${"0".repeat(31)}${index + 1}`])),
  };
}
