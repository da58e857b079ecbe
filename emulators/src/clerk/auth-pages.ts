import type { Hono } from "hono";
import type { EmulatorContext } from "./context.js";
import { ClerkApiError, clerkErrors } from "./errors.js";
import { type AuthMode, type AuthPageModel, renderAuthPage, renderErrorPage } from "./pages.js";
import { findOrganization } from "./organizations.js";
import { memberOrganization, startSession } from "./sessions.js";
import type { InstanceState } from "./state.js";
import { type ClerkUserJson, isInstanceName } from "./types.js";
import { createUser, findUserByEmail } from "./users.js";

interface PageTarget {
  inst: InstanceState;
  redirect: URL;
  model: AuthPageModel;
}

type Fields = Record<string, string | undefined>;

/**
 * The dashboard's local sign-in (DESIGN.md section 5: clerk-react cannot run
 * offline). After the form, the browser is sent to `redirect_url` with
 * `#__clerk_session=<id>&__session=<jwt>`; the fragment never reaches a server log.
 *
 * `organization_id` (an id or slug) names the organization the sending page
 * wants active. It becomes active only if the user is already a member:
 * the page never creates memberships, as Clerk's sign-in cannot. A
 * non-member's session starts where any new session would (their last
 * active organization, or none), and the sending page adds the membership
 * through its backend and then activates it (`POST /local/sessions/:id/touch`,
 * Clerk's `setActive({ organization })`).
 */
export function registerAuthPages(app: Hono, ctx: EmulatorContext): void {
  for (const mode of ["sign-in", "sign-up"] as const) {
    app.get(`/${mode}`, (c) => {
      const target = resolveTarget(ctx, mode, c.req.query());
      if (typeof target === "string") return c.html(renderErrorPage("Cannot open this page", target), 400);
      return c.html(renderAuthPage(target.model));
    });

    app.post(`/${mode}`, async (c) => {
      const fields = formFields(await c.req.parseBody());
      const target = resolveTarget(ctx, mode, fields);
      if (typeof target === "string") return c.html(renderErrorPage("Cannot open this page", target), 400);
      const { inst, redirect, model } = target;
      const form: AuthPageModel = { ...model, email: fields.email ?? "", firstName: fields.first_name ?? "" };
      try {
        const user = mode === "sign-in" ? existingUser(inst, form) : newUser(inst, form);
        // The named organization becomes active only for a member; anyone else starts where a new Clerk session would.
        const named = model.organization && memberOrganization(inst, user.id, model.organization.id);
        const session = startSession(inst, user.id, { azp: redirect.origin, ...(named ? { organization: named.id } : {}) });
        ctx.state.save();
        const jwt = ctx.tokens.mint(inst, session, user);
        redirect.hash = `__clerk_session=${session.id}&__session=${jwt}`;
        return c.redirect(redirect.toString(), 302);
      } catch (err) {
        if (!(err instanceof ClerkApiError)) throw err;
        return c.html(renderAuthPage({ ...form, error: err.message }), err.status);
      }
    });
  }
}

/** Validates instance and redirect; a string is the reason to show instead of the form. */
function resolveTarget(ctx: EmulatorContext, mode: AuthMode, fields: Fields): PageTarget | string {
  const requested = fields.instance || "dream-api";
  const inst = isInstanceName(requested) ? ctx.state.find(requested) : undefined;
  if (!inst) return `Unknown instance "${requested}".`;
  const name = inst.config.name;
  const redirect = parseRedirect(fields.redirect_url);
  if (!redirect) return "redirect_url must be an absolute http(s) URL.";
  const model: AuthPageModel = { mode, instance: name, redirectUrl: redirect.toString() };
  if (fields.organization_id) {
    if (!inst.organizationSettings.enabled) return `Organizations are not enabled for ${name}.`;
    const org = findOrganization(inst, fields.organization_id);
    if (!org) return `Unknown organization "${fields.organization_id}".`;
    model.organization = { id: org.id, name: org.name };
  }
  return { inst, redirect, model };
}

function parseRedirect(raw: string | undefined): URL | undefined {
  if (!raw || !URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}

function existingUser(inst: InstanceState, form: AuthPageModel): ClerkUserJson {
  const user = findUserByEmail(inst, form.email ?? "");
  if (!user) throw clerkErrors.identifierNotFound("email_address");
  return user;
}

function newUser(inst: InstanceState, form: AuthPageModel): ClerkUserJson {
  return createUser(inst, {
    email_address: [form.email ?? ""],
    first_name: form.firstName || null,
  });
}

/** Text fields of a urlencoded or multipart form; file parts are ignored. */
function formFields(body: Record<string, unknown>): Fields {
  const fields: Fields = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = value.trim();
  }
  return fields;
}
