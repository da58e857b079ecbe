import { readJsonBody } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../context";
import { createPlatformCheckout } from "../services/billing/checkout";
import { createPlatformPortal } from "../services/billing/portal";

const emptyBody = z.strictObject({});

export const billingRoutes = new Hono<AppEnv>()
  .post("/checkout", async (c) => {
    await readJsonBody(c, emptyBody);
    return c.json(await createPlatformCheckout({ ctx: serviceContext(c) }), 201);
  })
  .post("/portal", async (c) => {
    await readJsonBody(c, emptyBody);
    return c.json(await createPlatformPortal({ ctx: serviceContext(c) }), 201);
  });
