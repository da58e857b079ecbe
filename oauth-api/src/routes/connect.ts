import { readJsonBody } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../context";
import { completeConnect, disconnect, startConnect } from "../services/connect/connect";

const emptyBody = z.strictObject({});

/** Stripe redirects the developer's browser here: no session, the signed state is the authentication. */
export const connectCallbackRoutes = new Hono<AppEnv>().get("/callback", async (c) => {
  const query = c.req.query();
  const location = await completeConnect({
    env: c.env,
    now: c.get("now"),
    input: { state: query["state"], code: query["code"], error: query["error"] },
  });
  return c.redirect(location, 302);
});

export const connectRoutes = new Hono<AppEnv>()
  .post("/start", async (c) => {
    await readJsonBody(c, emptyBody);
    return c.json(await startConnect({ ctx: serviceContext(c) }), 201);
  })
  .post("/disconnect", async (c) => {
    await readJsonBody(c, emptyBody);
    return c.json(await disconnect({ ctx: serviceContext(c) }));
  });
