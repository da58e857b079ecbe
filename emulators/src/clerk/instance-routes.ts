import type { Hono } from "hono";
import type { BackendApiEnv } from "./backend-api.js";
import { CREATE_JWT_TEMPLATE_PARAMS, createJwtTemplate, deleteJwtTemplate, getJwtTemplate, listJwtTemplates, updateJwtTemplate } from "./jwt-templates.js";
import { organizationSettingsJson, UPDATE_ORGANIZATION_SETTINGS_PARAMS, updateOrganizationSettings } from "./organization-settings.js";
import { parseParams, readJsonObject } from "./params.js";
import type { ClerkState } from "./state.js";

/**
 * Instance configuration a deploy reads and sets through the Backend API
 * (the spec's Instance Settings and JWT Templates tags): `@clerk/backend`'s
 * `instance.getOrganizationSettings()`, `instance.updateOrganizationSettings()`
 * and `jwtTemplates.*`.
 */
export function registerInstanceRoutes(api: Hono<BackendApiEnv>, state: ClerkState): void {
  api.get("/instance/organization_settings", (c) => c.json(organizationSettingsJson(c.var.inst)));

  api.patch("/instance/organization_settings", async (c) => {
    const params = parseParams(await readJsonObject(c), UPDATE_ORGANIZATION_SETTINGS_PARAMS);
    updateOrganizationSettings(c.var.inst, params);
    state.save();
    return c.json(organizationSettingsJson(c.var.inst));
  });

  api.get("/jwt_templates", (c) => c.json(listJwtTemplates(c.var.inst, new URL(c.req.url).searchParams)));

  api.post("/jwt_templates", async (c) => {
    const params = parseParams(await readJsonObject(c), CREATE_JWT_TEMPLATE_PARAMS);
    const template = createJwtTemplate(c.var.inst, params);
    state.save();
    return c.json(template);
  });

  api.get("/jwt_templates/:id", (c) => c.json(getJwtTemplate(c.var.inst, c.req.param("id"))));

  api.patch("/jwt_templates/:id", async (c) => {
    const params = parseParams(await readJsonObject(c), CREATE_JWT_TEMPLATE_PARAMS);
    const template = updateJwtTemplate(c.var.inst, c.req.param("id"), params);
    state.save();
    return c.json(template);
  });

  api.delete("/jwt_templates/:id", (c) => {
    const deleted = deleteJwtTemplate(c.var.inst, c.req.param("id"));
    state.save();
    return c.json(deleted);
  });
}
