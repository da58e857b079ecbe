import { Hono } from "hono";
import { cors } from "hono/cors";
import type { EmulatorContext } from "./context.js";
import { clerkErrors } from "./errors.js";
import { type ParamSpec, parseParams, readJsonObject } from "./params.js";
import { activeSession, endSession, findSession, mintForUser, sessionJson, setActiveOrganization } from "./sessions.js";
import { isInstanceName } from "./types.js";

const MINT_PARAMS = {
  instance: "string",
  userId: "string",
  claims: "object",
  azp: "string",
  expiresInSeconds: "integer",
  organizationId: "string",
} as const satisfies ParamSpec;

/** Body of the session touch, named as Clerk's Frontend API names it. */
const TOUCH_PARAMS = { active_organization_id: "string" } as const satisfies ParamSpec;

/**
 * JSON endpoints under `/local`: what the dashboard's local auth seam calls
 * from the browser (hence CORS `*`) in place of Clerk's Frontend API, plus a
 * token-minting control endpoint for tests and seeding.
 */
export function localApi(ctx: EmulatorContext): Hono {
  const api = new Hono();
  api.use("*", cors({ origin: "*", allowMethods: ["GET", "POST", "DELETE"], allowHeaders: ["Content-Type"] }));

  api.get("/sessions/:id", (c) => c.json(sessionJson(findSession(ctx.state, c.req.param("id")))));

  /** A fresh token with claims recomputed from the user's current metadata. */
  api.post("/sessions/:id/tokens", (c) => {
    const { inst, session, user } = activeSession(ctx.state, c.req.param("id"));
    return c.json({ object: "token", jwt: ctx.tokens.mint(inst, session, user) });
  });

  /**
   * Clerk's `setActive({ organization })`: makes an organization of the
   * user's (id or slug) the session's active one, or none with `null`; an
   * absent `active_organization_id` changes nothing. Tokens minted afterwards
   * carry its claims. Not a member (or no such organization): 404
   * `organization_not_found_or_unauthorized`.
   */
  api.post("/sessions/:id/touch", async (c) => {
    const found = activeSession(ctx.state, c.req.param("id"));
    const params = parseParams(await readJsonObject(c), TOUCH_PARAMS);
    if (params.active_organization_id !== undefined) {
      setActiveOrganization(found.inst, found.session, params.active_organization_id);
      ctx.state.save();
    }
    return c.json(sessionJson(found));
  });

  /** Sign-out. Ending an ended session is a no-op, so retries are safe. */
  api.delete("/sessions/:id", (c) => {
    const found = findSession(ctx.state, c.req.param("id"));
    if (found.session.status === "active") {
      endSession(found.session);
      ctx.state.save();
    }
    return c.json(sessionJson(found));
  });

  api.post("/tokens", async (c) => {
    const params = parseParams(await readJsonObject(c), MINT_PARAMS);
    if (!params.instance) throw clerkErrors.paramMissing("instance");
    if (!params.userId) throw clerkErrors.paramMissing("userId");
    const instance = params.instance;
    if (!isInstanceName(instance) || !ctx.state.find(instance)) {
      throw clerkErrors.paramValueInvalid("instance", `${instance} is not a configured instance.`);
    }
    const { jwt, sessionId } = mintForUser(ctx, {
      instance,
      userId: params.userId,
      azp: params.azp ?? undefined,
      expiresInSeconds: params.expiresInSeconds ?? undefined,
      extraClaims: params.claims ?? undefined,
      // null is meaningful here: start without an organization.
      ...(params.organizationId === undefined ? {} : { organizationId: params.organizationId }),
    });
    return c.json({ jwt, session_id: sessionId });
  });

  return api;
}
