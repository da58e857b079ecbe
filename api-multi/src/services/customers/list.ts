import { ApiError } from "@dream-api/shared";
import { listEndUsersWithUsage, type EndUserPageCursor } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { toCustomerView, type CustomerView } from "./customer-view";

/** Opaque cursors: base64url of the last row's sort key. */
export function encodeCursor(cursor: EndUserPageCursor): string {
  return btoa(JSON.stringify([cursor.createdAt, cursor.userId]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function decodeCursor(cursor: string): EndUserPageCursor {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { createdAt: parsed[0], userId: parsed[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError("invalid_request", "cursor is not a cursor this API returned.", { param: "cursor" });
}

export interface CustomerPage {
  data: CustomerView[];
  hasMore: boolean;
  nextCursor: string | null;
}

/** The platform's customers, newest first, `limit` per page. */
export async function listCustomers({ ctx, input }: { ctx: ServiceContext; input: { limit: number; cursor?: string | undefined; q?: string | undefined } }): Promise<CustomerPage> {
  const page = await listEndUsersWithUsage(ctx.env.DB, ctx, {
    limit: input.limit,
    search: input.q,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    now: ctx.now,
  });
  return {
    data: page.customers.map((customer) => toCustomerView(customer)),
    hasMore: page.next !== null,
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
}
