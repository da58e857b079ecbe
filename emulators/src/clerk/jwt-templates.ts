import { clerkErrors } from "./errors.js";
import { newId } from "./ids.js";
import { parsePage } from "./list-params.js";
import type { ParamSpec, ParsedParams } from "./params.js";
import type { InstanceState } from "./state.js";
import type { JwtTemplateJson, ListJson } from "./types.js";

/**
 * Body of `POST /v1/jwt_templates` and `PATCH /v1/jwt_templates/{id}`. The
 * stand-in keeps templates so a backend can list and manage them, but signs
 * with the instance's own key only: custom signing keys are refused.
 */
export const CREATE_JWT_TEMPLATE_PARAMS = {
  name: "string",
  claims: "object",
  lifetime: "integer",
  allowed_clock_skew: "integer",
  custom_signing_key: "boolean",
  signing_algorithm: "unsupported",
  signing_key: "unsupported",
} as const satisfies ParamSpec;

/** The spec's bounds and Clerk's defaults for a new template. */
const LIFETIME = { min: 30, max: 315_360_000, default: 60 };
const CLOCK_SKEW = { min: 0, max: 300, default: 5 };

/**
 * `GET /v1/jwt_templates`, in creation order: an array, or with
 * `paginated=true` (what `@clerk/backend`'s `jwtTemplates.list()` sends)
 * `{ data, total_count }`, paged by `limit` and `offset`.
 */
export function listJwtTemplates(inst: InstanceState, query: URLSearchParams): JwtTemplateJson[] | ListJson<JwtTemplateJson> {
  const all = [...inst.jwtTemplates.values()];
  if (query.get("paginated") !== "true") return all;
  const { limit, offset } = parsePage(query);
  return { data: all.slice(offset, offset + limit), total_count: all.length };
}

type TemplateParams = ParsedParams<typeof CREATE_JWT_TEMPLATE_PARAMS>;

export function createJwtTemplate(inst: InstanceState, params: TemplateParams, now = Date.now()): JwtTemplateJson {
  const fields = checkedFields(inst, params, undefined);
  const template: JwtTemplateJson = { object: "jwt_template", id: newId("jtmp"), ...fields, custom_signing_key: false, signing_algorithm: "RS256", created_at: now, updated_at: now };
  inst.jwtTemplates.set(template.id, template);
  return template;
}

/** `PATCH /v1/jwt_templates/{id}`: as the spec says, `name` and `claims` are required here too; lifetime and skew fall back to the defaults. */
export function updateJwtTemplate(inst: InstanceState, templateId: string, params: TemplateParams, now = Date.now()): JwtTemplateJson {
  const template = getJwtTemplate(inst, templateId);
  Object.assign(template, checkedFields(inst, params, template.id), { updated_at: now });
  return template;
}

function checkedFields(inst: InstanceState, params: TemplateParams, ownId: string | undefined): Pick<JwtTemplateJson, "name" | "claims" | "lifetime" | "allowed_clock_skew"> {
  const name = params.name?.trim();
  if (!name) throw clerkErrors.paramMissing("name");
  if (!params.claims) throw clerkErrors.paramMissing("claims");
  if ([...inst.jwtTemplates.values()].some((template) => template.name === name && template.id !== ownId)) throw clerkErrors.identifierExists("name");
  if (params.custom_signing_key) throw clerkErrors.paramValueInvalid("custom_signing_key", "Custom signing keys are not supported by the local Clerk stand-in.");
  return {
    name,
    claims: params.claims,
    lifetime: bounded("lifetime", params.lifetime, LIFETIME),
    allowed_clock_skew: bounded("allowed_clock_skew", params.allowed_clock_skew, CLOCK_SKEW),
  };
}

export function getJwtTemplate(inst: InstanceState, templateId: string): JwtTemplateJson {
  const template = inst.jwtTemplates.get(templateId);
  if (!template) throw clerkErrors.resourceNotFound(`No JWT template was found with id ${templateId}`);
  return template;
}

export function deleteJwtTemplate(inst: InstanceState, templateId: string): { object: "jwt_template"; id: string; deleted: true } {
  const template = getJwtTemplate(inst, templateId);
  inst.jwtTemplates.delete(template.id);
  return { object: "jwt_template", id: template.id, deleted: true };
}

function bounded(param: string, value: number | null | undefined, range: { min: number; max: number; default: number }): number {
  if (value == null) return range.default;
  if (value < range.min || value > range.max) throw clerkErrors.paramValueInvalid(param, `${param} must be between ${range.min} and ${range.max}.`);
  return value;
}
