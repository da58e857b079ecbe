import { Hono } from "hono";
import { serviceContext, type AppEnv } from "../context";
import { getDashboard } from "../services/dashboard";

export const dashboardRoutes = new Hono<AppEnv>().get("/", async (c) => c.json(await getDashboard({ ctx: serviceContext(c) })));
