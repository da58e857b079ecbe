import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { updateSettings } from "../../services/settings";

/** An exact origin: scheme, host and port, nothing after (what a browser sends in `Origin`). */
const origin = z
  .string()
  .max(200)
  .refine((value) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol) && new URL(value).origin === value, {
    message: "must be an exact origin such as https://app.example (scheme and host, no path or trailing slash)",
  });

const returnUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol), { message: "must be an absolute http(s) URL" })
  .nullable();

const settingsChange = z.strictObject({
  mode: z.enum(["test", "live"], "must be test or live").meta({ description: "Which mode's settings to change." }),
  allowedOrigins: z.array(origin).max(20, "at most 20 origins").optional(),
  defaultSuccessUrl: returnUrl.optional(),
  defaultCancelUrl: returnUrl.optional(),
  defaultReturnUrl: returnUrl.optional(),
});

export const updateSettingsOperation = defineOperation<AppEnv>({
  method: "patch",
  path: "/settings",
  operationId: "settings.update",
  tag: "Settings",
  summary: "Change settings",
  description:
    "Changes the given fields of one mode's settings (null clears a URL); the next checkout or portal session uses them. Live mode takes https origins only, and its default URLs must be on one of its allowed origins.",
  auth: ["developerSession"],
  request: {
    body: { schema: settingsChange, example: { mode: "live", allowedOrigins: ["https://app.example"], defaultSuccessUrl: "https://app.example/thanks" } },
  },
  response: { status: 200, schema: responses.settings, description: "The settings as saved." },
  errors: ["invalid_json", "invalid_request", "body_too_large"],
  handler: async (c) => {
    const input = await readJsonBody(c, settingsChange);
    return c.json({ settings: await updateSettings({ ctx: serviceContext(c), input }) });
  },
});
