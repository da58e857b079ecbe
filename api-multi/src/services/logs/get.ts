import { ApiError } from "@dream-api/shared";
import { getRequestLog } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { toRequestLogView, type RequestLogView } from "./view";

/** One line of the tenant's request log in this mode; 404 for an unknown id, or another tenant's or mode's (which are the same to the caller). */
export async function getRequestLogLine({ ctx, input }: { ctx: ServiceContext; input: { requestId: string } }): Promise<RequestLogView> {
  const record = await getRequestLog(ctx.env.DB, ctx, input.requestId);
  if (!record) throw new ApiError("not_found", `No request ${input.requestId} in this mode's request log (lines are kept 7 days and show a few seconds after the request).`, { param: "requestId" });
  return toRequestLogView(record);
}
