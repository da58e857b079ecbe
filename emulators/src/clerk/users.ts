import { clerkErrors } from "./errors.js";
import { newId } from "./ids.js";
import { mergeMetadata } from "./metadata.js";
import type { ParamSpec, ParsedParams } from "./params.js";
import type { InstanceState } from "./state.js";
import type { ClerkUserJson, EmailAddressJson } from "./types.js";

/** Body of `POST /v1/users`: every property of the spec's request schema. */
export const CREATE_USER_PARAMS = {
  external_id: "string",
  first_name: "string",
  last_name: "string",
  locale: "string",
  email_address: "string[]",
  password: "string",
  public_metadata: "object",
  private_metadata: "object",
  unsafe_metadata: "object",
  delete_self_enabled: "boolean",
  create_organization_enabled: "boolean",
  create_organizations_limit: "integer",
  legal_accepted_at: "timestamp",
  created_at: "timestamp",
  bypass_client_trust: "boolean",
  banned: "boolean",
  locked: "boolean",
  skip_password_checks: "ignored",
  skip_password_requirement: "ignored",
  skip_legal_checks: "ignored",
  skip_user_requirement: "ignored",
  email_address_identification_status: "unsupported",
  phone_number: "unsupported",
  phone_number_identification_status: "unsupported",
  web3_wallet: "unsupported",
  username: "unsupported",
  password_digest: "unsupported",
  password_hasher: "unsupported",
  totp_secret: "unsupported",
  backup_codes: "unsupported",
} as const satisfies ParamSpec;

/** Body of `PATCH /v1/users/{id}`. */
export const UPDATE_USER_PARAMS = {
  external_id: "string",
  first_name: "string",
  last_name: "string",
  locale: "string",
  primary_email_address_id: "string",
  password: "string",
  public_metadata: "object",
  private_metadata: "object",
  unsafe_metadata: "object",
  delete_self_enabled: "boolean",
  create_organization_enabled: "boolean",
  create_organizations_limit: "integer",
  legal_accepted_at: "timestamp",
  created_at: "timestamp",
  bypass_client_trust: "boolean",
  notify_primary_email_address_changed: "ignored",
  skip_password_checks: "ignored",
  sign_out_of_other_sessions: "ignored",
  skip_legal_checks: "ignored",
  primary_phone_number_id: "unsupported",
  primary_web3_wallet_id: "unsupported",
  username: "unsupported",
  profile_image_id: "unsupported",
  password_digest: "unsupported",
  password_hasher: "unsupported",
  totp_secret: "unsupported",
  backup_codes: "unsupported",
} as const satisfies ParamSpec;

/** Body of `PATCH` and `PUT /v1/users/{id}/metadata`. */
export const METADATA_PARAMS = {
  public_metadata: "object",
  private_metadata: "object",
  unsafe_metadata: "object",
} as const satisfies ParamSpec;

export type CreateUserParams = ParsedParams<typeof CREATE_USER_PARAMS>;
export type UpdateUserParams = ParsedParams<typeof UPDATE_USER_PARAMS>;
export type MetadataParams = ParsedParams<typeof METADATA_PARAMS>;

const METADATA_FIELDS = ["public_metadata", "private_metadata", "unsafe_metadata"] as const;

/** Clerk stores email addresses trimmed and lower-cased, so lookups are case-insensitive. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function createUser(inst: InstanceState, params: CreateUserParams, now = Date.now()): ClerkUserJson {
  const emails = (params.email_address ?? []).map(normalizeEmail);
  if (emails.length === 0) throw clerkErrors.paramMissing("email_address");
  for (const [i, email] of emails.entries()) {
    if (!EMAIL_PATTERN.test(email)) throw clerkErrors.paramFormatInvalid("email_address");
    if (emails.indexOf(email) !== i || findUserByEmail(inst, email)) {
      throw clerkErrors.identifierExists("email_address");
    }
  }
  const externalId = params.external_id || null;
  assertExternalIdFree(inst, externalId, undefined);

  const createdAt = params.created_at ?? now;
  const emailAddresses = emails.map((email) => newEmailAddress(email, now));
  const user: ClerkUserJson = {
    id: newId("user"),
    object: "user",
    external_id: externalId,
    primary_email_address_id: emailAddresses[0]?.id ?? null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: null,
    first_name: params.first_name ?? null,
    last_name: params.last_name ?? null,
    locale: params.locale ?? null,
    image_url: "",
    has_image: false,
    public_metadata: params.public_metadata ?? {},
    private_metadata: params.private_metadata ?? {},
    unsafe_metadata: params.unsafe_metadata ?? {},
    email_addresses: emailAddresses,
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    // The password itself is never stored: nothing signs in with it here.
    password_enabled: Boolean(params.password),
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: params.password ? now : null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: null,
    banned: params.banned ?? false,
    locked: params.locked ?? false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    created_at: createdAt,
    updated_at: now,
    delete_self_enabled: params.delete_self_enabled ?? true,
    create_organization_enabled: params.create_organization_enabled ?? true,
    create_organizations_limit: params.create_organizations_limit ?? null,
    last_active_at: null,
    legal_accepted_at: params.legal_accepted_at ?? null,
    bypass_client_trust: params.bypass_client_trust ?? false,
  };
  inst.users.set(user.id, user);
  return user;
}

export function getUser(inst: InstanceState, userId: string): ClerkUserJson {
  const user = inst.users.get(userId);
  if (!user) throw clerkErrors.resourceNotFound(`No user was found with id ${userId}`);
  return user;
}

/** The address `primary_email_address_id` names: what Clerk shows as a user's identifier. */
export function primaryEmail(user: ClerkUserJson): string | null {
  return user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? null;
}

export function findUserByEmail(inst: InstanceState, email: string): ClerkUserJson | undefined {
  const wanted = normalizeEmail(email);
  for (const user of inst.users.values()) {
    if (user.email_addresses.some((e) => e.email_address === wanted)) return user;
  }
  return undefined;
}

/** `PATCH /v1/users/{id}`: sets what is given; metadata fields are replaced whole. */
export function updateUser(inst: InstanceState, userId: string, params: UpdateUserParams, now = Date.now()): ClerkUserJson {
  const user = getUser(inst, userId);
  if (params.external_id !== undefined) {
    const externalId = params.external_id || null;
    assertExternalIdFree(inst, externalId, user.id);
    user.external_id = externalId;
  }
  if (params.primary_email_address_id != null) {
    const id = params.primary_email_address_id;
    if (!user.email_addresses.some((e) => e.id === id)) {
      throw clerkErrors.paramValueInvalid("primary_email_address_id", `${id} is not an email address of this user.`);
    }
    user.primary_email_address_id = id;
  }
  if (params.first_name !== undefined) user.first_name = params.first_name;
  if (params.last_name !== undefined) user.last_name = params.last_name;
  if (params.locale !== undefined) user.locale = params.locale;
  if (params.password) {
    user.password_enabled = true;
    user.password_last_updated_at = now;
  }
  for (const field of METADATA_FIELDS) {
    if (params[field] !== undefined) user[field] = params[field] ?? {};
  }
  if (params.delete_self_enabled != null) user.delete_self_enabled = params.delete_self_enabled;
  if (params.create_organization_enabled != null) user.create_organization_enabled = params.create_organization_enabled;
  if (params.create_organizations_limit !== undefined) user.create_organizations_limit = params.create_organizations_limit;
  if (params.legal_accepted_at !== undefined) user.legal_accepted_at = params.legal_accepted_at;
  if (params.created_at != null) user.created_at = params.created_at;
  if (params.bypass_client_trust != null) user.bypass_client_trust = params.bypass_client_trust;
  user.updated_at = now;
  return user;
}

/** `PATCH /v1/users/{id}/metadata`: deep merge, `null` removes a key. */
export function mergeUserMetadata(inst: InstanceState, userId: string, params: MetadataParams, now = Date.now()): ClerkUserJson {
  const user = getUser(inst, userId);
  for (const field of METADATA_FIELDS) {
    const patch = params[field];
    if (patch) user[field] = mergeMetadata(user[field], patch);
  }
  user.updated_at = now;
  return user;
}

/**
 * `PUT /v1/users/{id}/metadata` (what `users.updateUser` sends for metadata):
 * each given field is replaced whole; `null` clears it.
 */
export function replaceUserMetadata(inst: InstanceState, userId: string, params: MetadataParams, now = Date.now()): ClerkUserJson {
  const user = getUser(inst, userId);
  for (const field of METADATA_FIELDS) {
    if (params[field] !== undefined) user[field] = params[field] ?? {};
  }
  user.updated_at = now;
  return user;
}

/**
 * Removes the user and ends their sessions, as deleting a Clerk user signs
 * them out; their organization memberships go too.
 */
export function deleteUser(inst: InstanceState, userId: string, now = Date.now()): { object: "user"; id: string; deleted: true } {
  getUser(inst, userId);
  inst.users.delete(userId);
  for (const [id, membership] of inst.memberships) {
    if (membership.user_id === userId) inst.memberships.delete(id);
  }
  inst.lastActiveOrganizations.delete(userId);
  for (const session of inst.sessions.values()) {
    if (session.user_id === userId && session.status === "active") {
      session.status = "ended";
      session.updated_at = now;
    }
  }
  return { object: "user", id: userId, deleted: true };
}

/** Records a sign-in on the user, as Clerk does when a session is created. */
export function touchSignIn(user: ClerkUserJson, now = Date.now()): void {
  user.last_sign_in_at = now;
  user.last_active_at = now;
}

function assertExternalIdFree(inst: InstanceState, externalId: string | null, ownerId: string | undefined): void {
  if (externalId === null) return;
  for (const other of inst.users.values()) {
    if (other.id !== ownerId && other.external_id === externalId) throw clerkErrors.identifierExists("external_id");
  }
}

function newEmailAddress(email: string, now: number): EmailAddressJson {
  return {
    id: newId("idn"),
    object: "email_address",
    email_address: email,
    reserved: false,
    verification: { object: "verification_admin", status: "verified", strategy: "admin", attempts: null, expire_at: null },
    linked_to: [],
    matches_sso_connection: false,
    created_at: now,
    updated_at: now,
  };
}
