import { modeSchema } from "@dream-api/shared";
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

/** The brand of the hosted pages: each field null to clear it (the page keeps dream-api's own look there). */
const displayName = z
  .string()
  .trim()
  .min(1, "must be 1 to 60 characters (null clears it)")
  .max(60, "must be 1 to 60 characters (null clears it)")
  .nullable()
  .meta({ description: "Name shown on the hosted pricing page and Checkout instead of your Stripe account's name.", example: "Acme AI" });

const logoUrl = z
  .string()
  .max(2048, "must be at most 2048 characters")
  .refine((value) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol), { message: "must be an absolute https URL of an image (http is accepted in test mode only)" })
  .nullable()
  .meta({ description: "Image shown on the hosted pages: https (http too in test mode), at most 2048 characters.", example: "https://app.example/logo.png" });

const accentColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour such as #4f46e5")
  .nullable()
  .meta({ description: "Colour of buttons and highlights on the hosted pages, `#RRGGBB`.", example: "#4f46e5" });

const supportEmail = z
  .email("must be a valid email address")
  .max(254, "must be at most 254 characters")
  .nullable()
  .meta({ description: 'Shown on the hosted pricing page as "Questions? <email>".', example: "support@app.example" });

/** Fractions of the tier limit, each at most once: 0.8 = an alert when an end-user reaches 80 % of it. */
const usageAlertThresholds = z
  .array(z.number("must be a number").gt(0, "each must be above 0").max(1, "each must be at most 1 (100 % of the limit)").multipleOf(0.01, "each must have at most two decimals"))
  .max(5, "at most 5 thresholds")
  .refine((values) => new Set(values).size === values.length, { message: "must not repeat a threshold" })
  .transform((values) => [...values].sort((a, b) => a - b))
  .meta({
    description: "When usage.threshold_reached fires: fractions of the tier limit (0.8 = 80 %), at most 5; [] turns usage alerts off. Default [0.8, 1].",
    example: [0.5, 0.8, 1],
  });

const settingsChange = z.strictObject({
  mode: modeSchema.meta({ description: "Which mode's settings to change." }),
  allowedOrigins: z.array(origin).max(20, "at most 20 origins").optional(),
  allowLocalhost: z
    .boolean("must be true or false")
    .optional()
    .meta({ description: "Test mode only: also allow redirects to http://localhost:<port> and http://127.0.0.1:<port>. Live mode refuses true." }),
  defaultSuccessUrl: returnUrl.optional(),
  defaultCancelUrl: returnUrl.optional(),
  defaultReturnUrl: returnUrl.optional(),
  displayName: displayName.optional(),
  logoUrl: logoUrl.optional(),
  accentColor: accentColor.optional(),
  supportEmail: supportEmail.optional(),
  usageAlertThresholds: usageAlertThresholds.optional(),
});

export const updateSettingsOperation = defineOperation<AppEnv>({
  method: "patch",
  path: "/settings",
  operationId: "settings.update",
  tag: "Settings",
  summary: "Change settings",
  description:
    "Changes the given fields of one mode's settings (null clears a URL or a brand field); the next checkout or portal session and the hosted pricing page use them. Live mode takes https origins and an https logo only, its default URLs must be on one of its allowed origins, and it never allows localhost.",
  auth: ["developerSession"],
  request: {
    body: {
      schema: settingsChange,
      example: { mode: "live", allowedOrigins: ["https://app.example"], defaultSuccessUrl: "https://app.example/thanks", displayName: "Acme AI", accentColor: "#4f46e5" },
    },
  },
  response: { status: 200, schema: responses.settings, description: "The settings as saved." },
  errors: ["invalid_json", "invalid_request", "body_too_large"],
  handler: async (c) => {
    const input = await readJsonBody(c, settingsChange);
    return c.json({ settings: await updateSettings({ ctx: serviceContext(c), input }) });
  },
});
