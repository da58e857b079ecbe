import type { Hono } from "hono";
import { createClerkApp } from "./app.js";
import type { EmulatorContext } from "./context.js";
import { mintForUser, type MintInput } from "./sessions.js";
import { ClerkState, type ClerkInstanceConfig } from "./state.js";
import { instanceIssuer, SessionTokenMinter } from "./tokens.js";
import type { ClerkUserJson, InstanceName } from "./types.js";
import { createUser } from "./users.js";

export type { ClerkInstanceConfig } from "./state.js";
export { NEW_INSTANCE_ORGANIZATION_SETTINGS, type OrganizationSettings, type OrganizationSettingsJson } from "./organization-settings.js";
export type { MintInput as MintSessionTokenInput } from "./sessions.js";
export type { ClerkUserJson, EmailAddressJson, InstanceName, JwtTemplateJson, Metadata, OrganizationJson, OrganizationMembershipJson } from "./types.js";
export { ClerkApiError, type ClerkErrorJson, type ClerkErrorsJson } from "./errors.js";

/**
 * The two applications `pnpm dev` and the tests run, set up as production's
 * are (docs/end-users.md#production-clerk-setup): end-user-api with
 * Organizations on and no membership limit (each developer's tenant is an
 * organization of it), dream-api as a new Clerk application comes, with
 * Organizations off (nothing of ours uses them there). Each publishable key
 * encodes its instance's Frontend API host (`<name>.clerk.accounts.dev`),
 * which is also its tokens' `iss`, as with a Clerk development instance.
 */
export const DEFAULT_CLERK_INSTANCES: readonly ClerkInstanceConfig[] = [
  { name: "dream-api", secretKey: "sk_test_dreamapi_local_00000000000000", publishableKey: "pk_test_ZHJlYW0tYXBpLmNsZXJrLmFjY291bnRzLmRldiQ" },
  {
    name: "end-user-api",
    secretKey: "sk_test_enduser_local_000000000000000",
    publishableKey: "pk_test_ZW5kLXVzZXItYXBpLmNsZXJrLmFjY291bnRzLmRldiQ",
    organizationSettings: { enabled: true, max_allowed_memberships: 0 },
  },
];

export interface ClerkEmulatorOptions {
  /** Defaults to {@link DEFAULT_CLERK_INSTANCES}. */
  instances?: ClerkInstanceConfig[];
  /**
   * Where the stand-in is reachable, e.g. `http://127.0.0.1:12112`. Tokens do
   * not name it: their `iss` is each instance's https Frontend API address,
   * as Clerk's are (see `instanceIssuer`).
   */
  publicUrl: string;
  /** JSON file keeping users, sessions and signing keys across restarts. */
  stateFile?: string;
  /** Session token lifetime; default 60, Clerk's. */
  tokenLifetimeSeconds?: number;
}

export interface ClerkUserSeed {
  email: string;
  firstName?: string;
  publicMetadata?: Record<string, unknown>;
  externalId?: string;
}

export interface ClerkEmulator {
  /** `app.fetch` is a standard fetch handler. */
  app: Hono;
  /** `issuer` is the `iss` of the instance's session tokens. */
  instance(name: InstanceName): { secretKey: string; publishableKey?: string; jwtKeyPem: string; issuer: string };
  /**
   * Signs an existing user in and returns a session JWT; rejects with a 404
   * ClerkApiError for an unknown user or an `organizationId` they are not a
   * member of.
   */
  mintSessionToken(input: MintInput): Promise<string>;
  /** Same rules as `POST /v1/users` (duplicates reject with a 422 ClerkApiError). */
  createUser(instance: InstanceName, input: ClerkUserSeed): Promise<ClerkUserJson>;
}

export async function createClerkEmulator(opts: ClerkEmulatorOptions): Promise<ClerkEmulator> {
  const state = await ClerkState.open(opts.instances ?? [...DEFAULT_CLERK_INSTANCES], opts.stateFile);
  const ctx: EmulatorContext = { state, tokens: new SessionTokenMinter(opts.tokenLifetimeSeconds) };

  return {
    app: createClerkApp(ctx),
    instance(name) {
      const { config, key } = state.instance(name);
      return { secretKey: config.secretKey, publishableKey: config.publishableKey, jwtKeyPem: key.publicKeyPem, issuer: instanceIssuer(config) };
    },
    async mintSessionToken(input) {
      return mintForUser(ctx, input).jwt;
    },
    async createUser(instance, input) {
      const user = createUser(state.instance(instance), {
        email_address: [input.email],
        first_name: input.firstName ?? null,
        public_metadata: input.publicMetadata ?? {},
        external_id: input.externalId ?? null,
      });
      state.save();
      return user;
    },
  };
}
