import type { RequestOptions } from "../http.js";
import type { CreateCustomerParams, CustomerListItem, CustomerPage, CustomerResponse, DeletedCustomer, ListCustomersParams, UpdateCustomerParams } from "../types.js";
import { send, type ResourceContext } from "./context.js";
import { CustomerCredits } from "./customer-credits.js";

/** The platform's end-users (`/api/customers`). Secret key only. */
export class Customers {
  /** Each end-user's prepaid credits: list, listAll, grant. */
  readonly credits: CustomerCredits;

  constructor(private readonly ctx: ResourceContext) {
    this.credits = new CustomerCredits(ctx);
  }

  /**
   * Creates an end-user (in the shared Clerk app and dream-api) on `plan`,
   * by default the cheapest tier. 409 `customer_exists` / `email_in_use` when taken.
   *
   * @example
   * const { customer } = await dream.customers.create({ userId: "user_42", email: "ada@example.com" });
   */
  async create(params: CreateCustomerParams, options?: RequestOptions): Promise<CustomerResponse> {
    const body = { userId: params.userId, email: params.email, plan: params.plan };
    return send<CustomerResponse>(this.ctx, "secret", "customers.create", { method: "POST", path: "/api/customers", body }, options);
  }

  /**
   * One end-user with plan, usage and latest subscription. 404 `customer_not_found`.
   *
   * @example
   * const { customer } = await dream.customers.get("user_42");
   */
  async get(userId: string, options?: RequestOptions): Promise<CustomerResponse> {
    return send<CustomerResponse>(this.ctx, "secret", "customers.get", { method: "GET", path: customerPath(userId) }, options);
  }

  /**
   * Moves an end-user to another tier (an admin override; paying end-users move through Checkout).
   *
   * @example
   * await dream.customers.update("user_42", { plan: "pro" });
   */
  async update(userId: string, params: UpdateCustomerParams, options?: RequestOptions): Promise<CustomerResponse> {
    return send<CustomerResponse>(this.ctx, "secret", "customers.update", { method: "PATCH", path: customerPath(userId), body: { plan: params.plan } }, options);
  }

  /**
   * Deletes an end-user and its usage counter; the person leaves your app
   * only (they stay a customer of any other app on dream-api). 409
   * `conflict` while their subscription is still running.
   *
   * @example
   * await dream.customers.delete("user_42");
   */
  async delete(userId: string, options?: RequestOptions): Promise<DeletedCustomer> {
    return send<DeletedCustomer>(this.ctx, "secret", "customers.delete", { method: "DELETE", path: customerPath(userId) }, options);
  }

  /**
   * One page of end-users, newest first; `q` matches a prefix of userId or email.
   *
   * @example
   * const page = await dream.customers.list({ limit: 50, q: "ada" });
   * if (page.hasMore) await dream.customers.list({ limit: 50, q: "ada", cursor: page.nextCursor! });
   */
  async list(params: ListCustomersParams = {}, options?: RequestOptions): Promise<CustomerPage> {
    const query = { limit: params.limit, cursor: params.cursor, q: params.q, mode: params.mode };
    return send<CustomerPage>(this.ctx, "secret", "customers.list", { method: "GET", path: "/api/customers", query }, options);
  }

  /**
   * Every end-user matching `q`, newest first, fetching pages of `limit` (default 100) as you iterate.
   *
   * @example
   * for await (const customer of dream.customers.listAll({ q: "ada" })) console.log(customer.userId);
   */
  async *listAll(params: ListCustomersParams = {}, options?: RequestOptions): AsyncGenerator<CustomerListItem, void, undefined> {
    let cursor = params.cursor;
    for (;;) {
      const page = await this.list({ limit: params.limit ?? 100, q: params.q, mode: params.mode, ...(cursor === undefined ? {} : { cursor }) }, options);
      yield* page.data;
      if (!page.hasMore || page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }
}

function customerPath(userId: string): string {
  return `/api/customers/${encodeURIComponent(userId)}`;
}
