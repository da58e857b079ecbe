/**
 * A backend whose paid feature (`POST /api/generate`) is metered by
 * dream-api: each call tracks one unit for the signed-in user; at the
 * tier's limit the route answers 402 with an upgrade link (a Stripe
 * Checkout session for the next tier) instead of doing the work. dream-api
 * tells it when a user nears the limit through a signed webhook
 * (`POST /webhooks/dream`, ./webhooks.ts).
 */
import { type DreamApi, UsageLimitError, isDreamApiError } from "@dream-api/client";
import { Hono, type Context } from "hono";
import { dreamWebhooks, type UsageAlert } from "./webhooks.js";

export interface AppOptions {
  dream: DreamApi;
  /** The tier to offer at the limit (a paid tier's name). */
  upgradeTier: string;
  /** Where to send users when no Checkout session can be made (e.g. your pricing page). */
  pricingUrl: string;
  /** Where Stripe Checkout returns to. */
  appUrl: string;
  /** The webhook endpoint's signing secret (`whsec_…`, shown when you add the endpoint in dream-api's dashboard). Without it `POST /webhooks/dream` answers 503. */
  webhookSecret?: string | undefined;
  /** What to do when a user reaches an alert threshold (default: log it). */
  onUsageAlert?: (alert: UsageAlert) => void | Promise<void>;
}

/**
 * Who is calling. Replace this with your own authentication (session
 * cookie, JWT…): dream-api only needs a stable id per end-user.
 */
function currentUserId(c: Context): string | undefined {
  return c.req.header("X-User-Id") || undefined;
}

export function createApp({ dream, upgradeTier, pricingUrl, appUrl, webhookSecret, onUsageAlert }: AppOptions) {
  const app = new Hono();
  app.route("/webhooks", dreamWebhooks({ secret: webhookSecret, ...(onUsageAlert ? { onUsageAlert } : {}) }));

  app.post("/api/generate", async (c) => {
    const userId = currentUserId(c);
    if (!userId) return c.json({ error: "unauthenticated", message: "Sign in first." }, 401);
    try {
      const { usage } = await dream.usage.track({ userId });
      // The metered work goes here; it runs only once the call was counted.
      return c.json({ result: `Generated something for ${userId}.`, usage: { used: usage.count, limit: usage.limit, remaining: usage.remaining } });
    } catch (error) {
      if (error instanceof UsageLimitError) {
        const upgradeUrl = await dream.checkout
          .create({ userId, tier: upgradeTier, successUrl: `${appUrl}/?upgraded=1`, cancelUrl: `${appUrl}/pricing` })
          .then((session) => session.url)
          .catch(() => pricingUrl);
        return c.json(
          {
            error: "usage_limit_exceeded",
            message: `You have used all ${error.usage.limit} calls of your ${error.usage.plan} plan this month. Upgrade to continue.`,
            usage: error.usage,
            upgradeUrl,
          },
          402,
        );
      }
      if (isDreamApiError(error) && error.kind === "rate_limited") {
        return c.json({ error: "rate_limited", message: "Slow down a little." }, 429);
      }
      // dream-api unreachable after the SDK's retries: fail closed (the work is not done uncounted).
      console.error("usage tracking failed", isDreamApiError(error) ? `${error.code} (request ${error.requestId})` : error);
      return c.json({ error: "unavailable", message: "Please try again in a moment." }, 503);
    }
  });

  app.get("/api/usage", async (c) => {
    const userId = currentUserId(c);
    if (!userId) return c.json({ error: "unauthenticated", message: "Sign in first." }, 401);
    try {
      return c.json((await dream.usage.check(userId)).usage);
    } catch (error) {
      if (isDreamApiError(error) && error.kind === "not_found") return c.json({ count: 0, remaining: null, plan: null });
      throw error;
    }
  });

  return app;
}
