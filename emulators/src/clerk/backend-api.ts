import { Hono } from "hono";
import { clerkErrors } from "./errors.js";
import { registerInstanceRoutes } from "./instance-routes.js";
import { registerOrganizationRoutes } from "./organization-routes.js";
import { parseParams, readJsonObject } from "./params.js";
import type { ClerkState, InstanceState } from "./state.js";
import { countUsers, listUsers } from "./user-list.js";
import { CREATE_USER_PARAMS, METADATA_PARAMS, UPDATE_USER_PARAMS, createUser, deleteUser, getUser, mergeUserMetadata, replaceUserMetadata, updateUser } from "./users.js";

export type BackendApiEnv = { Variables: { inst: InstanceState } };

/**
 * The Backend API subset dream-api uses, mounted under `/v1` (the path
 * `@clerk/backend` appends to `apiUrl`). The secret key picks the instance,
 * exactly as each real Clerk application has its own key.
 */
export function backendApi(state: ClerkState): Hono<BackendApiEnv> {
  const api = new Hono<BackendApiEnv>();

  api.use("*", async (c, next) => {
    const match = /^Bearer (\S+)$/.exec(c.req.header("authorization") ?? "");
    if (!match?.[1]) throw clerkErrors.authorizationHeaderInvalid();
    const inst = state.bySecretKey(match[1]);
    if (!inst) throw clerkErrors.secretKeyInvalid();
    c.set("inst", inst);
    await next();
  });

  api.get("/jwks", (c) => c.json({ keys: [c.var.inst.key.jwk] }));

  api.post("/users", async (c) => {
    const params = parseParams(await readJsonObject(c), CREATE_USER_PARAMS);
    const user = createUser(c.var.inst, params);
    state.save();
    return c.json(user);
  });

  api.get("/users", (c) => c.json(listUsers(c.var.inst, new URL(c.req.url).searchParams)));

  // Registered before `/users/:id` so "count" is not read as a user id.
  api.get("/users/count", (c) => c.json({ object: "total_count", total_count: countUsers(c.var.inst, new URL(c.req.url).searchParams) }));

  api.get("/users/:id", (c) => c.json(getUser(c.var.inst, c.req.param("id"))));

  api.patch("/users/:id", async (c) => {
    const params = parseParams(await readJsonObject(c), UPDATE_USER_PARAMS);
    const user = updateUser(c.var.inst, c.req.param("id"), params);
    state.save();
    return c.json(user);
  });

  api.patch("/users/:id/metadata", async (c) => {
    const params = parseParams(await readJsonObject(c), METADATA_PARAMS);
    const user = mergeUserMetadata(c.var.inst, c.req.param("id"), params);
    state.save();
    return c.json(user);
  });

  api.put("/users/:id/metadata", async (c) => {
    const params = parseParams(await readJsonObject(c), METADATA_PARAMS);
    const user = replaceUserMetadata(c.var.inst, c.req.param("id"), params);
    state.save();
    return c.json(user);
  });

  api.delete("/users/:id", (c) => {
    const deleted = deleteUser(c.var.inst, c.req.param("id"));
    state.save();
    return c.json(deleted);
  });

  registerOrganizationRoutes(api, state);
  registerInstanceRoutes(api, state);

  return api;
}
