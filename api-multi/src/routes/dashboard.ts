import { Hono } from "hono";
import { respond, serviceContext, type AppEnv } from "../context";
import { getDashboard } from "../services/dashboard";

export const dashboardRoutes = new Hono<AppEnv>().get("/", async (c) => respond(c, { ...(await getDashboard({ ctx: serviceContext(c) })) }));
