import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { modeQueryFields } from "../../schemas";
import { listCustomers } from "../../services/customers/list";

export const listCustomersQuery = z.strictObject({
  limit: z.coerce.number("must be a number").int("must be a whole number").min(1).max(100).default(20).meta({ description: "Page size." }),
  cursor: z.string().max(512).optional().meta({ description: "`nextCursor` of the previous page." }),
  q: z.string().trim().min(1).max(128).optional().meta({ description: "Prefix of a userId or email." }),
  ...modeQueryFields,
});

export const listCustomersOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/customers",
  operationId: "customers.list",
  tag: "Customers",
  summary: "List customers",
  description: "One page of your end-users, newest first. Follow `nextCursor` for the next page; `q` filters by a prefix of the userId or email.",
  auth: ["secretKey", "developerSession"],
  request: { query: listCustomersQuery },
  response: { status: 200, schema: responses.customerPage, description: "A page of customers." },
  errors: ["invalid_request", "not_found"],
  handler: async (c) => {
    const { mode: _mode, ...input } = readQuery(c, listCustomersQuery);
    return respond(c, { ...(await listCustomers({ ctx: serviceContext(c), input })) });
  },
});
