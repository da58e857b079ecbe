/**
 * What `deploy.env` must hold, and its validation: every problem is found
 * before anything is created, and each gets one sentence that says what is
 * wrong and what to put instead. The committed `deploy.env.example` lists
 * exactly these settings (test/settings.test.ts checks it).
 *
 * `allowStandIns` is the test mode of the deploy script (CI's dry run
 * against the local Stripe and Clerk stand-ins): loopback http addresses
 * and the stand-ins' keys pass; nothing else is relaxed.
 */

export interface DeployOptions {
  allowStandIns?: boolean;
}

type Check = (value: string, options: DeployOptions) => string | null;

/** Every setting of deploy.env, in the order the example lists them. */
export const SETTING_NAMES = [
  "CLOUDFLARE_ACCOUNT_ID",
  "CLOUDFLARE_API_TOKEN",
  "STRIPE_SECRET_KEY_TEST",
  "STRIPE_SECRET_KEY_LIVE",
  "STRIPE_CONNECT_CLIENT_ID",
  "PLATFORM_BILLING_MODE",
  "CLERK_DEVELOPER_SECRET_KEY",
  "CLERK_DEVELOPER_PUBLISHABLE_KEY",
  "CLERK_END_USER_SECRET_KEY",
  "CLERK_END_USER_PUBLISHABLE_KEY",
  "DASHBOARD_URL",
  "FRONT_AUTH_API_URL",
  "API_MULTI_URL",
  "OAUTH_API_URL",
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export interface DeployField {
  name: SettingName;
  /** One line for deploy.env.example. */
  description: string;
  /** What the example file shows: never a working value. */
  example: string;
  check: Check;
}

/** The stand-ins' keys (scripts/lib/stack.mjs, testkit): fine for a dry run against them, never for a deploy. */
const STAND_IN_VALUE = /_local_|^whsec_local/;
/** Placeholders a person forgot to replace. */
const EXAMPLE_VALUE = /REPLACE|CHANGE_?ME|xxxxxx|0{12,}|\.\.\.|…|<|>/i;

function notExample(name: string, value: string, options: DeployOptions): string | null {
  if (STAND_IN_VALUE.test(value)) return options.allowStandIns ? null : `${name} is a local stand-in's key; put the real one from the provider's dashboard.`;
  if (EXAMPLE_VALUE.test(value)) return `${name} is still the example value; put the real one.`;
  return null;
}

/** A stand-in's key, in the stand-ins' test mode: its own shape (underscores and all) is fine. */
function acceptedStandIn(value: string, options: DeployOptions): boolean {
  return options.allowStandIns === true && STAND_IN_VALUE.test(value);
}

function pattern(name: string, regex: RegExp, what: string): Check {
  return (value, options) => notExample(name, value, options) ?? (regex.test(value) || acceptedStandIn(value, options) ? null : `${name} must be ${what}.`);
}

/** A Stripe secret (or restricted) key of one mode: a key of the other mode is named as such. */
function stripeKey(name: string, mode: "test" | "live"): Check {
  const other = mode === "test" ? "live" : "test";
  return (value, options) => {
    if (new RegExp(`^(sk|rk)_${other}_`).test(value)) return `${name} is a Stripe ${other}-mode key; it needs the ${mode}-mode secret key (sk_${mode}_…).`;
    if (/^pk_/.test(value)) return `${name} is a publishable key; it needs the ${mode}-mode secret key (sk_${mode}_…).`;
    const shaped = new RegExp(`^(sk|rk)_${mode}_[A-Za-z0-9]{10,}$`).test(value) || (acceptedStandIn(value, options) && value.startsWith(`sk_${mode}_`));
    return notExample(name, value, options) ?? (shaped ? null : `${name} must be a Stripe ${mode}-mode secret key (sk_${mode}_…).`);
  };
}

function clerkKey(name: string, kind: "secret" | "publishable"): Check {
  const prefix = kind === "secret" ? "sk" : "pk";
  const body = kind === "secret" ? "[A-Za-z0-9]{20,}" : "[A-Za-z0-9+/=_-]{10,}";
  return pattern(name, new RegExp(`^${prefix}_(live|test)_${body}$`), `a Clerk ${kind} key (${prefix}_live_… or ${prefix}_test_…)`);
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\]|.*\.localhost)$/i;
/** Names reserved for examples and tests (RFC 2606), as in deploy.env.example. */
const EXAMPLE_HOST = /(^|\.)(example\.(com|net|org)|example|test|invalid)$/i;

/** A public address: https, a host and nothing after it (no path, query or fragment). */
function address(name: string): Check {
  return (value, options) => {
    if (!URL.canParse(value)) return `${name} must be a URL such as https://api.example.com (got "${value}").`;
    const url = new URL(value);
    const local = LOOPBACK_HOST.test(url.hostname);
    if (local && !options.allowStandIns) return `${name} points at this machine (${url.host}); it must be the public address the world reaches.`;
    if (EXAMPLE_HOST.test(url.hostname)) return `${name} is still the example address (${url.host}); put the address you will serve it at.`;
    if (url.protocol !== "https:" && !(local && options.allowStandIns && url.protocol === "http:")) return `${name} must use https.`;
    if (url.pathname !== "/" || url.search !== "" || url.hash !== "") return `${name} must be an origin without a path (https://host), got "${value}".`;
    return null;
  };
}

export const DEPLOY_FIELDS: readonly DeployField[] = [
  {
    name: "CLOUDFLARE_ACCOUNT_ID",
    description: "Cloudflare dashboard → Workers & Pages → Account ID (32 hex characters).",
    example: "REPLACE_WITH_32_HEX_ACCOUNT_ID",
    check: pattern("CLOUDFLARE_ACCOUNT_ID", /^[0-9a-f]{32}$/, "32 lowercase hex characters (Cloudflare dashboard → Account ID)"),
  },
  {
    name: "CLOUDFLARE_API_TOKEN",
    description: "An API token with Workers Scripts, D1, Workers KV Storage and Account Settings edit rights.",
    example: "REPLACE_WITH_API_TOKEN",
    check: pattern("CLOUDFLARE_API_TOKEN", /^[A-Za-z0-9_-]{40,}$/, "a Cloudflare API token (40 or more letters, digits, - and _)"),
  },
  {
    name: "STRIPE_SECRET_KEY_TEST",
    description: "Your platform's Stripe test-mode secret key (sk_test_…): test keys' data, preview checkouts and test Connect.",
    example: "sk_test_REPLACE_ME",
    check: stripeKey("STRIPE_SECRET_KEY_TEST", "test"),
  },
  {
    name: "STRIPE_SECRET_KEY_LIVE",
    description: "Your platform's Stripe live-mode secret key (sk_live_…): live keys' data, live Connect and (in production) the $15 plan.",
    example: "sk_live_REPLACE_ME",
    check: stripeKey("STRIPE_SECRET_KEY_LIVE", "live"),
  },
  {
    name: "STRIPE_CONNECT_CLIENT_ID",
    description: "Stripe dashboard → Settings → Connect → OAuth: the live client id (ca_…).",
    example: "ca_REPLACE_ME",
    check: pattern("STRIPE_CONNECT_CLIENT_ID", /^ca_[A-Za-z0-9]{16,}$/, "a Stripe Connect client id (ca_…)"),
  },
  {
    name: "PLATFORM_BILLING_MODE",
    description: "The Stripe mode developers' $15 plan is charged in: live in production, test for a staging deployment (pnpm smoke pays with a test card).",
    example: "live_or_test",
    check: (value) => (value === "live" || value === "test" ? null : `PLATFORM_BILLING_MODE must be live or test (got "${value}").`),
  },
  {
    name: "CLERK_DEVELOPER_SECRET_KEY",
    description: 'Clerk application "dream-api" (developers): API keys → secret key.',
    example: "sk_live_REPLACE_ME",
    check: clerkKey("CLERK_DEVELOPER_SECRET_KEY", "secret"),
  },
  {
    name: "CLERK_DEVELOPER_PUBLISHABLE_KEY",
    description: 'Clerk application "dream-api": publishable key (built into the dashboard).',
    example: "pk_live_REPLACE_ME",
    check: clerkKey("CLERK_DEVELOPER_PUBLISHABLE_KEY", "publishable"),
  },
  {
    name: "CLERK_END_USER_SECRET_KEY",
    description: 'Clerk application "end-user-api" (everyone\'s end-users, docs/end-users.md): secret key.',
    example: "sk_live_REPLACE_ME",
    check: clerkKey("CLERK_END_USER_SECRET_KEY", "secret"),
  },
  {
    name: "CLERK_END_USER_PUBLISHABLE_KEY",
    description: 'Clerk application "end-user-api": publishable key (built into the hosted pricing page).',
    example: "pk_live_REPLACE_ME",
    check: clerkKey("CLERK_END_USER_PUBLISHABLE_KEY", "publishable"),
  },
  { name: "DASHBOARD_URL", description: "Where the dashboard and the hosted pricing pages are served (https origin).", example: "https://app.example.com", check: address("DASHBOARD_URL") },
  { name: "FRONT_AUTH_API_URL", description: "The public origin of front-auth-api.", example: "https://auth.example.com", check: address("FRONT_AUTH_API_URL") },
  { name: "API_MULTI_URL", description: "The public origin of api-multi (the REST API developers call).", example: "https://api.example.com", check: address("API_MULTI_URL") },
  { name: "OAUTH_API_URL", description: "The public origin of oauth-api (Stripe Connect's redirect comes back here).", example: "https://connect.example.com", check: address("OAUTH_API_URL") },
];

export type DeploySettings = Record<SettingName, string>;

export type Validation = { ok: true; settings: DeploySettings } | { ok: false; problems: string[] };

const KNOWN: ReadonlySet<string> = new Set(DEPLOY_FIELDS.map((field) => field.name));

/** Every problem of `values`, one sentence each, in the order of DEPLOY_FIELDS; or the settings. */
export function validateDeployEnv(values: Record<string, string>, options: DeployOptions = {}): Validation {
  const problems: string[] = [];
  for (const name of Object.keys(values)) {
    if (!KNOWN.has(name)) problems.push(`${name} is not a deploy.env setting (a typo?). The settings are listed in deploy.env.example.`);
  }
  const valid: Record<string, string> = {};
  for (const field of DEPLOY_FIELDS) {
    const value = values[field.name]?.trim() ?? "";
    if (value === "") {
      problems.push(`${field.name} is missing: ${field.description}`);
      continue;
    }
    const problem = field.check(value, options);
    if (problem) problems.push(problem);
    else valid[field.name] = value;
  }
  problems.push(...acrossFields(valid));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: Object.fromEntries(DEPLOY_FIELDS.map((field) => [field.name, (values[field.name] ?? "").trim()])) as DeploySettings };
}

/** Rules that need two settings (each valid on its own): each Clerk application's keys of one instance, two applications, four addresses. */
function acrossFields(values: Record<string, string>): string[] {
  const problems: string[] = [];
  const modeOf = (name: string) => /^[sp]k_(live|test)_/.exec(values[name] ?? "")?.[1];
  for (const app of ["DEVELOPER", "END_USER"]) {
    const secret = modeOf(`CLERK_${app}_SECRET_KEY`);
    const publishable = modeOf(`CLERK_${app}_PUBLISHABLE_KEY`);
    if (secret && publishable && secret !== publishable) {
      problems.push(`CLERK_${app}_SECRET_KEY is a ${secret} key but CLERK_${app}_PUBLISHABLE_KEY a ${publishable} one: both must come from the same Clerk instance.`);
    }
  }
  const developer = values["CLERK_DEVELOPER_SECRET_KEY"];
  if (developer && developer === values["CLERK_END_USER_SECRET_KEY"]) {
    problems.push('CLERK_DEVELOPER_SECRET_KEY and CLERK_END_USER_SECRET_KEY are the same: developers ("dream-api") and end-users ("end-user-api") are two Clerk applications.');
  }
  const addresses = ["DASHBOARD_URL", "FRONT_AUTH_API_URL", "API_MULTI_URL", "OAUTH_API_URL"].filter((name) => URL.canParse(values[name] ?? ""));
  const seen = new Map<string, string>();
  for (const name of addresses) {
    const origin = new URL(values[name] as string).origin;
    const first = seen.get(origin);
    if (first) problems.push(`${name} and ${first} are the same address (${origin}): each worker and the dashboard need their own.`);
    else seen.set(origin, name);
  }
  return problems;
}

/** The text of deploy.env.example, from DEPLOY_FIELDS. */
export function exampleFile(): string {
  const header = [
    "# deploy.env — what `pnpm run deploy` needs (docs/deploy.md). Copy to deploy.env",
    "# (never committed) and fill in every value; the deploy stops, naming each",
    "# problem, until all are right. Webhook signing secrets and the OAuth state",
    "# secret are made by the deploy itself.",
  ];
  const body = DEPLOY_FIELDS.flatMap((field) => ["", `# ${field.description}`, `${field.name}=${field.example}`]);
  return `${[...header, ...body].join("\n")}\n`;
}
