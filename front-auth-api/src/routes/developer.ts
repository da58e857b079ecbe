import { Hono } from "hono";
import { serviceContext, type AppEnv } from "../context";
import { describeDeveloper } from "../services/me";
import { meterDeveloperCall } from "../services/metering";

export const developerRoutes = new Hono<AppEnv>()
  .get("/me", async (c) => c.json(await describeDeveloper({ ctx: serviceContext(c) })))
  /** The metered call: verifies the session and counts one call against the plan's monthly allowance. */
  .post("/verify-auth", async (c) => {
    const ctx = serviceContext(c);
    const usage = await meterDeveloperCall({ ctx });
    return c.json({ developerId: ctx.developerId, plan: ctx.platform.plan, usage });
  });
