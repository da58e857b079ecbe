import { clerkErrors } from "./errors.js";
import type { ParamSpec, ParsedParams } from "./params.js";
import type { InstanceState } from "./state.js";

/** An instance's Organizations settings, as the stand-in keeps them (the spec's `OrganizationSettings` without `object`). */
export interface OrganizationSettings {
  enabled: boolean;
  /** What a new organization's `max_allowed_memberships` starts at; 0 means unlimited. */
  max_allowed_memberships: number;
  max_allowed_roles: number;
  max_allowed_domains: number;
  /** The role `created_by` gets in a new organization. */
  creator_role: string;
  /** What a new organization's `admin_delete_enabled` starts at. */
  admin_delete_enabled: boolean;
  domains_enabled: boolean;
  slug_disabled: boolean;
  domains_enrollment_modes: string[];
  domains_default_role: string;
}

/** The spec's `OrganizationSettings`. */
export type OrganizationSettingsJson = { object: "organization_settings" } & OrganizationSettings;

/**
 * A new Clerk application's settings: Organizations off (each application
 * turns them on in Clerk's dashboard or through this Backend API), five
 * members per organization, Clerk's default roles, slugs on, no domains.
 */
export const NEW_INSTANCE_ORGANIZATION_SETTINGS: Readonly<OrganizationSettings> = Object.freeze({
  enabled: false,
  max_allowed_memberships: 5,
  max_allowed_roles: 10,
  max_allowed_domains: 10,
  creator_role: "org:admin",
  admin_delete_enabled: true,
  domains_enabled: false,
  slug_disabled: false,
  domains_enrollment_modes: [],
  domains_default_role: "org:member",
});

/** Body of `PATCH /v1/instance/organization_settings`: every property of the spec's request schema. */
export const UPDATE_ORGANIZATION_SETTINGS_PARAMS = {
  enabled: "boolean",
  max_allowed_memberships: "integer",
  admin_delete_enabled: "boolean",
  domains_enabled: "boolean",
  slug_disabled: "boolean",
  domains_enrollment_modes: "string[]",
  // Role ids belong to custom roles and role sets, which the stand-in does not model.
  creator_role_id: "unsupported",
  domains_default_role_id: "unsupported",
} as const satisfies ParamSpec;

/** The enrollment modes the spec's `OrganizationSettings` lists. */
const ENROLLMENT_MODES: ReadonlySet<string> = new Set(["manual_invitation", "automatic_invitation", "automatic_suggestion"]);

/** A fresh instance's settings with `initial` (an instance option) laid over Clerk's defaults. */
export function initialOrganizationSettings(initial: Partial<OrganizationSettings> = {}): OrganizationSettings {
  return { ...NEW_INSTANCE_ORGANIZATION_SETTINGS, domains_enrollment_modes: [], ...initial };
}

export function organizationSettingsJson(inst: InstanceState): OrganizationSettingsJson {
  const settings = inst.organizationSettings;
  return { object: "organization_settings", ...settings, domains_enrollment_modes: [...settings.domains_enrollment_modes] };
}

/**
 * `PATCH /v1/instance/organization_settings`: sets what is given; `null`
 * leaves a field as it is. Settings the stand-in cannot honour are refused
 * rather than stored: verified domains (not modelled) and slug-less
 * organizations (every organization here has a slug, and api-multi relies
 * on it).
 */
export function updateOrganizationSettings(inst: InstanceState, params: ParsedParams<typeof UPDATE_ORGANIZATION_SETTINGS_PARAMS>): OrganizationSettings {
  const settings = inst.organizationSettings;
  if (params.max_allowed_memberships != null && params.max_allowed_memberships < 0) {
    throw clerkErrors.paramValueInvalid("max_allowed_memberships", "max_allowed_memberships must be greater than or equal to 0.");
  }
  if (params.domains_enabled === true) throw clerkErrors.paramValueInvalid("domains_enabled", "Organization domains are not supported by the local Clerk stand-in.");
  if (params.slug_disabled === true) throw clerkErrors.paramValueInvalid("slug_disabled", "Organizations without slugs are not supported by the local Clerk stand-in.");
  const unknownMode = params.domains_enrollment_modes?.find((mode) => !ENROLLMENT_MODES.has(mode));
  if (unknownMode !== undefined) throw clerkErrors.paramValueInvalid("domains_enrollment_modes", `${unknownMode} is not a valid enrollment mode.`);

  if (params.enabled != null) settings.enabled = params.enabled;
  if (params.max_allowed_memberships != null) settings.max_allowed_memberships = params.max_allowed_memberships;
  if (params.admin_delete_enabled != null) settings.admin_delete_enabled = params.admin_delete_enabled;
  if (params.domains_enabled != null) settings.domains_enabled = params.domains_enabled;
  if (params.slug_disabled != null) settings.slug_disabled = params.slug_disabled;
  if (params.domains_enrollment_modes != null) settings.domains_enrollment_modes = [...new Set(params.domains_enrollment_modes)];
  return settings;
}

/**
 * What every organization route checks first: with Organizations off, Clerk
 * answers 403 `organization_not_enabled_in_instance`, for reads too.
 */
export function assertOrganizationsEnabled(inst: InstanceState): void {
  if (!inst.organizationSettings.enabled) throw clerkErrors.organizationsNotEnabled();
}
