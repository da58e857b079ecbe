import { modeSchema } from "@dream-api/shared";
import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { getSettings } from "../../services/settings";

const settingsQuery = z.strictObject({ mode: modeSchema.meta({ description: "Which mode's settings." }) });

export const getSettingsOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/settings",
  operationId: "settings.get",
  tag: "Settings",
  summary: "Get settings",
  description: "The developer's settings for one mode: allowed origins, default return URLs and the brand of the hosted pages (empty until saved).",
  auth: ["developerSession"],
  request: { query: settingsQuery },
  response: { status: 200, schema: responses.settings, description: "The settings of that mode." },
  errors: ["invalid_request"],
  handler: async (c) => {
    const { mode } = readQuery(c, settingsQuery);
    return c.json({ settings: await getSettings({ ctx: serviceContext(c), input: { mode } }) });
  },
});
