import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { exportPrivateKeyPem, generateSigningKey, signingKeyFromPem, type SigningKey } from "./keys.js";
import { initialOrganizationSettings, type OrganizationSettings } from "./organization-settings.js";
import type { ClerkUserJson, InstanceName, JwtTemplateJson, MembershipRecord, OrganizationRecord, SessionRecord } from "./types.js";

export interface ClerkInstanceConfig {
  name: InstanceName;
  secretKey: string;
  publishableKey?: string;
  /**
   * Organizations settings of a fresh instance, over a new Clerk
   * application's (Organizations off, five members per organization). Once
   * the state file holds the instance's settings, those win, as changes made
   * through the Backend API would on Clerk.
   */
  organizationSettings?: Partial<OrganizationSettings>;
}

/** One emulated Clerk application: its own keys, users, sessions and organizations. */
export interface InstanceState {
  config: ClerkInstanceConfig;
  key: SigningKey;
  /** Insertion order is creation order; list ordering relies on it for ties (organizations and memberships too). */
  users: Map<string, ClerkUserJson>;
  sessions: Map<string, SessionRecord>;
  organizations: Map<string, OrganizationRecord>;
  /** By membership id. */
  memberships: Map<string, MembershipRecord>;
  /**
   * Per user id, the organization a new session of theirs starts in: the one
   * they last made active or were last added to, as Clerk documents for
   * `created_by` and new memberships.
   */
  lastActiveOrganizations: Map<string, string>;
  organizationSettings: OrganizationSettings;
  /** By template id, in creation order. */
  jwtTemplates: Map<string, JwtTemplateJson>;
}

interface StoredInstance {
  privateKeyPem: string;
  users: ClerkUserJson[];
  sessions: SessionRecord[];
  // Absent in files written before organizations existed.
  organizations?: OrganizationRecord[];
  memberships?: MembershipRecord[];
  last_active_organizations?: Record<string, string>;
  // Absent in files written before the settings and templates existed.
  organization_settings?: OrganizationSettings;
  jwt_templates?: JwtTemplateJson[];
}

interface StateFileV1 {
  version: 1;
  instances: Partial<Record<InstanceName, StoredInstance>>;
}

/**
 * All instances plus optional persistence. With a state file, users, sessions,
 * organizations and signing keys survive a restart, so tokens minted before
 * still verify.
 */
export class ClerkState {
  private constructor(
    private readonly instances: Map<InstanceName, InstanceState>,
    private readonly stateFile: string | undefined,
  ) {}

  static async open(configs: ClerkInstanceConfig[], stateFile?: string): Promise<ClerkState> {
    const names = new Set(configs.map((c) => c.name));
    if (names.size !== configs.length) throw new Error("Clerk emulator: each instance name may appear once");
    const secrets = new Set(configs.map((c) => c.secretKey));
    if (secrets.size !== configs.length) throw new Error("Clerk emulator: instances need distinct secret keys");

    const saved = stateFile ? readStateFile(stateFile) : undefined;
    const instances = new Map<InstanceName, InstanceState>();
    for (const config of configs) {
      const stored = saved?.instances[config.name];
      instances.set(config.name, {
        config,
        key: stored ? signingKeyFromPem(stored.privateKeyPem) : await generateSigningKey(),
        users: new Map((stored?.users ?? []).map((u) => [u.id, u])),
        // Sessions saved before organizations existed have no active organization.
        sessions: new Map((stored?.sessions ?? []).map((s) => [s.id, { ...s, last_active_organization_id: s.last_active_organization_id ?? null }])),
        organizations: new Map((stored?.organizations ?? []).map((o) => [o.id, o])),
        memberships: new Map((stored?.memberships ?? []).map((m) => [m.id, m])),
        lastActiveOrganizations: new Map(Object.entries(stored?.last_active_organizations ?? {})),
        // An older file has no settings: the instance starts from its configured ones.
        organizationSettings: initialOrganizationSettings({ ...config.organizationSettings, ...stored?.organization_settings }),
        jwtTemplates: new Map((stored?.jwt_templates ?? []).map((t) => [t.id, t])),
      });
    }
    const state = new ClerkState(instances, stateFile);
    // Written at once so fresh keys are kept even if nothing else changes this run.
    state.save();
    return state;
  }

  /** Throws for an instance that is not configured: a programming error in the caller. */
  instance(name: InstanceName): InstanceState {
    const found = this.instances.get(name);
    if (!found) throw new Error(`Clerk emulator: instance "${name}" is not configured`);
    return found;
  }

  find(name: InstanceName): InstanceState | undefined {
    return this.instances.get(name);
  }

  all(): Iterable<InstanceState> {
    return this.instances.values();
  }

  bySecretKey(secretKey: string): InstanceState | undefined {
    for (const inst of this.instances.values()) {
      if (inst.config.secretKey === secretKey) return inst;
    }
    return undefined;
  }

  /**
   * Writes the whole state after a mutation. Synchronous and via rename, so a
   * response is only sent once its change is on disk and a crash never leaves
   * half a file.
   */
  save(): void {
    if (!this.stateFile) return;
    const file: StateFileV1 = { version: 1, instances: {} };
    for (const [name, inst] of this.instances) {
      file.instances[name] = {
        privateKeyPem: exportPrivateKeyPem(inst.key),
        users: [...inst.users.values()],
        sessions: [...inst.sessions.values()],
        organizations: [...inst.organizations.values()],
        memberships: [...inst.memberships.values()],
        last_active_organizations: Object.fromEntries(inst.lastActiveOrganizations),
        organization_settings: inst.organizationSettings,
        jwt_templates: [...inst.jwtTemplates.values()],
      };
    }
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(file, null, 2));
    renameSync(tmp, this.stateFile);
  }
}

/** A missing file is a first run; an unreadable one is an error, never silently replaced. */
function readStateFile(path: string): StateFileV1 | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Clerk emulator: ${path} is not a valid state file`, { cause: err });
  }
  if (!isStateFileV1(parsed)) throw new Error(`Clerk emulator: ${path} is not a valid state file (expected version 1)`);
  return parsed;
}

function isStateFileV1(value: unknown): value is StateFileV1 {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { version?: unknown; instances?: unknown };
  return v.version === 1 && typeof v.instances === "object" && v.instances !== null;
}
