import type { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { BackendApiEnv } from "./backend-api.js";
import {
  addMembership,
  CREATE_MEMBERSHIP_PARAMS,
  listInstanceMemberships,
  listOrganizationMemberships,
  listUserMemberships,
  MEMBERSHIP_METADATA_PARAMS,
  mergeMembershipMetadata,
  removeMembership,
  UPDATE_MEMBERSHIP_PARAMS,
  updateMembershipRole,
} from "./memberships.js";
import { membershipJson, organizationJson } from "./organization-json.js";
import { listOrganizations } from "./organization-list.js";
import {
  CREATE_ORGANIZATION_PARAMS,
  createOrganization,
  deleteOrganization,
  getOrganization,
  getOrganizationByIdOrSlug,
  mergeOrganizationMetadata,
  ORGANIZATION_METADATA_PARAMS,
  replaceOrganizationMetadata,
  UPDATE_ORGANIZATION_PARAMS,
  updateOrganization,
} from "./organizations.js";
import { assertOrganizationsEnabled } from "./organization-settings.js";
import { parseParams, readJsonObject } from "./params.js";
import type { ClerkState } from "./state.js";

/**
 * Organizations and their memberships (the spec's Organizations and
 * Organization Memberships tags). With the instance's Organizations off,
 * every one of them answers 403 `organization_not_enabled_in_instance`.
 */
export function registerOrganizationRoutes(api: Hono<BackendApiEnv>, state: ClerkState): void {
  const organizationsEnabled = createMiddleware<BackendApiEnv>(async (c, next) => {
    assertOrganizationsEnabled(c.var.inst);
    await next();
  });
  for (const path of ["/organizations", "/organizations/*", "/organization_memberships", "/users/:id/organization_memberships"]) api.use(path, organizationsEnabled);

  api.post("/organizations", async (c) => {
    const params = parseParams(await readJsonObject(c), CREATE_ORGANIZATION_PARAMS);
    const org = createOrganization(c.var.inst, params);
    state.save();
    return c.json(organizationJson(c.var.inst, org));
  });

  api.get("/organizations", (c) => c.json(listOrganizations(c.var.inst, new URL(c.req.url).searchParams)));

  api.get("/organizations/:id", (c) => {
    const org = getOrganizationByIdOrSlug(c.var.inst, c.req.param("id"));
    return c.json(organizationJson(c.var.inst, org, { includeMembersCount: c.req.query("include_members_count") === "true" }));
  });

  api.patch("/organizations/:id", async (c) => {
    const params = parseParams(await readJsonObject(c), UPDATE_ORGANIZATION_PARAMS);
    const org = updateOrganization(c.var.inst, c.req.param("id"), params);
    state.save();
    return c.json(organizationJson(c.var.inst, org));
  });

  api.delete("/organizations/:id", (c) => {
    const deleted = deleteOrganization(c.var.inst, c.req.param("id"));
    state.save();
    return c.json(deleted);
  });

  api.patch("/organizations/:id/metadata", async (c) => {
    const params = parseParams(await readJsonObject(c), ORGANIZATION_METADATA_PARAMS);
    const org = mergeOrganizationMetadata(c.var.inst, c.req.param("id"), params);
    state.save();
    return c.json(organizationJson(c.var.inst, org));
  });

  api.put("/organizations/:id/metadata", async (c) => {
    const params = parseParams(await readJsonObject(c), ORGANIZATION_METADATA_PARAMS);
    const org = replaceOrganizationMetadata(c.var.inst, c.req.param("id"), params);
    state.save();
    return c.json(organizationJson(c.var.inst, org));
  });

  api.post("/organizations/:id/memberships", async (c) => {
    const org = getOrganization(c.var.inst, c.req.param("id"));
    const params = parseParams(await readJsonObject(c), CREATE_MEMBERSHIP_PARAMS);
    const membership = addMembership(c.var.inst, org, params);
    state.save();
    return c.json(membershipJson(c.var.inst, membership));
  });

  api.get("/organizations/:id/memberships", (c) => {
    const org = getOrganization(c.var.inst, c.req.param("id"));
    return c.json(listOrganizationMemberships(c.var.inst, org, new URL(c.req.url).searchParams));
  });

  api.patch("/organizations/:id/memberships/:userId", async (c) => {
    const org = getOrganization(c.var.inst, c.req.param("id"));
    const params = parseParams(await readJsonObject(c), UPDATE_MEMBERSHIP_PARAMS);
    const membership = updateMembershipRole(c.var.inst, org, c.req.param("userId"), params);
    state.save();
    return c.json(membershipJson(c.var.inst, membership));
  });

  api.delete("/organizations/:id/memberships/:userId", (c) => {
    const org = getOrganization(c.var.inst, c.req.param("id"));
    // The answer is the removed membership, as the spec's 200 response says.
    const membership = removeMembership(c.var.inst, org, c.req.param("userId"));
    state.save();
    return c.json(membershipJson(c.var.inst, membership));
  });

  api.patch("/organizations/:id/memberships/:userId/metadata", async (c) => {
    const org = getOrganization(c.var.inst, c.req.param("id"));
    const params = parseParams(await readJsonObject(c), MEMBERSHIP_METADATA_PARAMS);
    const membership = mergeMembershipMetadata(c.var.inst, org, c.req.param("userId"), params);
    state.save();
    return c.json(membershipJson(c.var.inst, membership));
  });

  api.get("/users/:id/organization_memberships", (c) => c.json(listUserMemberships(c.var.inst, c.req.param("id"), new URL(c.req.url).searchParams)));

  api.get("/organization_memberships", (c) => c.json(listInstanceMemberships(c.var.inst, new URL(c.req.url).searchParams)));
}
