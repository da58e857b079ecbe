/**
 * The two Clerk applications, set up through Clerk's Backend API where it
 * can, and the steps it cannot do printed for a person.
 *
 * end-user-api needs Organizations: each developer's tenant (platform and
 * mode) is an organization and an end-user's session names its tenant by
 * the active organization (docs/end-users.md). Neither application needs a
 * JWT template: the workers read only Clerk's default session claims (`sub`,
 * `azp`, and `o` for the active organization); the dream-api application's
 * optional `plan` claim only seeds a new developer's row, and D1 is the
 * record of plans.
 */
import type { ClerkClient } from "@clerk/backend";
import type { Done } from "./cloudflare";
import type { DeploySettings } from "./settings";

export interface ClerkSetupInput {
  developer: ClerkClient;
  endUser: ClerkClient;
  settings: DeploySettings;
}

/** end-user-api's organization settings (docs/end-users.md#production-clerk-setup): on, no membership limit, slugs kept (api-multi finds an organization by its slug). */
export const END_USER_ORGANIZATION_SETTINGS = { enabled: true, max_allowed_memberships: 0, slug_disabled: false } as const;

export async function setUpClerk(input: ClerkSetupInput): Promise<Done[]> {
  const done: Done[] = [];
  const current = (await input.endUser.instance.getOrganizationSettings()) as unknown as Record<string, unknown>;
  const changes = Object.fromEntries(
    Object.entries(END_USER_ORGANIZATION_SETTINGS).filter(([name, value]) => {
      // The Backend API answers in camelCase through @clerk/backend and in snake_case on the wire.
      const camel = name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
      return (current[camel] ?? current[name]) !== value;
    }),
  );
  if (Object.keys(changes).length === 0) done.push({ action: "kept", what: "Clerk end-user-api: Organizations enabled, no membership limit, slugs on" });
  else {
    await input.endUser.instance.updateOrganizationSettings(changes);
    done.push({ action: "updated", what: `Clerk end-user-api organization settings: ${Object.keys(changes).join(", ")}` });
  }
  const templates = await input.endUser.jwtTemplates.list();
  done.push({
    action: "kept",
    what: `Clerk JWT templates: none needed (end-user-api has ${templates.totalCount ?? templates.data.length}; the workers read only default session claims)`,
  });
  done.push(...manualClerkSteps(input.settings));
  return done;
}

/** What Clerk's Backend API cannot set: a person does it once in Clerk's dashboard. */
export function manualClerkSteps(settings: DeploySettings): Done[] {
  const dashboardHost = new URL(settings.DASHBOARD_URL).host;
  return [
    {
      action: "manual",
      what: `Clerk (both applications): create the production instance on the domain of ${dashboardHost} and add the DNS records Clerk lists (Clerk dashboard → Domains); give end-user-api its own subdomain so the two applications' cookies never meet.`,
    },
    {
      action: "manual",
      what: 'Clerk end-user-api → Organizations: turn off "Allow users to create organizations" and "Membership required" (docs/end-users.md#production-clerk-setup).',
    },
    {
      action: "manual",
      what: `Clerk dream-api → Paths: set the after-sign-in and after-sign-up fallback to ${settings.DASHBOARD_URL}/dashboard.`,
    },
  ];
}
