import { listEndUsersWithUsage, type EndUserPageCursor } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { decodePageCursor, encodePageCursor } from "../page-cursor";
import { toCustomerView, type CustomerView } from "./customer-view";

/** Opaque cursors: base64url of the last row's sort key. */
export function encodeCursor(cursor: EndUserPageCursor): string {
  return encodePageCursor([cursor.createdAt, cursor.userId]);
}

export function decodeCursor(cursor: string): EndUserPageCursor {
  const [createdAt, userId] = decodePageCursor(cursor);
  return { createdAt, userId };
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
