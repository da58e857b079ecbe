import type { RequestOptions } from "../http.js";
import type { Dashboard } from "../types.js";
import { send, type ResourceContext } from "./context.js";

/** Everything the developer dashboard shows (`GET /api/dashboard`). */
export class DashboardResource {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * Keys (prefixes only), tiers, newest customers, subscriptions, totals
   * (customers, calls this period, MRR…), recent webhook events and daily
   * usage for the last 30 days. Secret key only.
   *
   * @example
   * const { totals } = await dream.dashboard.get();
   */
  async get(options?: RequestOptions): Promise<Dashboard> {
    return send<Dashboard>(this.ctx, "secret", "dashboard.get", { method: "GET", path: "/api/dashboard" }, options);
  }
}
