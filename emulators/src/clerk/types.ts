/** The two Clerk applications dream-api uses (DESIGN.md section 2). */
export type InstanceName = "dream-api" | "end-user-api";

export const INSTANCE_NAMES: readonly InstanceName[] = ["dream-api", "end-user-api"];

export function isInstanceName(value: unknown): value is InstanceName {
  return INSTANCE_NAMES.includes(value as InstanceName);
}

export type Metadata = Record<string, unknown>;

/** The spec's `EmailAddress`, as created by the Backend API (admin-verified). */
export interface EmailAddressJson {
  id: string;
  object: "email_address";
  email_address: string;
  reserved: boolean;
  verification: {
    object: "verification_admin";
    status: "verified";
    strategy: "admin";
    attempts: null;
    expire_at: null;
  };
  linked_to: never[];
  matches_sso_connection: boolean;
  created_at: number;
  updated_at: number;
}

/**
 * The spec's `User` with every required field. Collections the emulator does
 * not model (phone numbers, wallets, passkeys, SSO accounts) are always empty.
 * Timestamps are Unix milliseconds, as Clerk sends them.
 */
export interface ClerkUserJson {
  id: string;
  object: "user";
  external_id: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: null;
  primary_web3_wallet_id: null;
  username: null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  image_url: string;
  has_image: boolean;
  public_metadata: Metadata;
  private_metadata: Metadata;
  unsafe_metadata: Metadata;
  email_addresses: EmailAddressJson[];
  phone_numbers: never[];
  web3_wallets: never[];
  passkeys: never[];
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  mfa_enabled_at: null;
  mfa_disabled_at: null;
  password_last_updated_at: number | null;
  external_accounts: never[];
  saml_accounts: never[];
  enterprise_accounts: never[];
  last_sign_in_at: number | null;
  banned: boolean;
  locked: boolean;
  lockout_expires_in_seconds: null;
  verification_attempts_remaining: null;
  created_at: number;
  updated_at: number;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  last_active_at: number | null;
  legal_accepted_at: number | null;
  bypass_client_trust: boolean;
}

/** A signed-in browser session (what `sid` in a session JWT names). */
export interface SessionRecord {
  id: string;
  user_id: string;
  status: "active" | "ended";
  /** Origin of the page that signed in; becomes the JWT's `azp`. */
  azp: string | null;
  /** The spec's `Session.last_active_organization_id`: the active organization, whose claims the tokens carry. */
  last_active_organization_id: string | null;
  created_at: number;
  updated_at: number;
}

/** An organization as the stand-in keeps it; its JSON adds what is derived (image, counts). */
export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  /** 0 means unlimited. */
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

/**
 * The spec's `Organization`. `members_count` and `pending_invitations_count`
 * are only present when the request asked for them (`include_members_count`).
 */
export interface OrganizationJson {
  object: "organization";
  id: string;
  name: string;
  slug: string;
  image_url: string;
  has_image: boolean;
  members_count?: number;
  pending_invitations_count?: number;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_by?: string;
  created_at: number;
  updated_at: number;
}

/** One user's membership of one organization, as the stand-in keeps it. */
export interface MembershipRecord {
  id: string;
  organization_id: string;
  user_id: string;
  /** A role key such as `org:admin` or `org:member`. */
  role: string;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_at: number;
  updated_at: number;
}

/** The spec's `OrganizationMembershipPublicUserData`. */
export interface MembershipPublicUserDataJson {
  user_id: string;
  first_name: string | null;
  last_name: string | null;
  profile_image_url: string;
  image_url: string;
  has_image: boolean;
  identifier: string | null;
  username: null;
  banned: boolean;
}

/** The spec's `OrganizationMembership`, with the organization and the member's public data. */
export interface OrganizationMembershipJson {
  id: string;
  object: "organization_membership";
  role: string;
  role_name: string;
  permissions: string[];
  public_metadata: Metadata;
  private_metadata: Metadata;
  organization: OrganizationJson;
  public_user_data: MembershipPublicUserDataJson;
  created_at: number;
  updated_at: number;
}

/** The spec's `OrganizationMemberships` / `Organizations` list bodies. */
export interface ListJson<T> {
  data: T[];
  total_count: number;
}

/** The spec's `JWTTemplate`. Timestamps are Unix milliseconds, as Clerk sends them. */
export interface JwtTemplateJson {
  object: "jwt_template";
  id: string;
  name: string;
  claims: Metadata;
  lifetime: number;
  allowed_clock_skew: number;
  custom_signing_key: boolean;
  signing_algorithm: string;
  created_at: number;
  updated_at: number;
}
