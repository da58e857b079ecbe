/**
 * The request log's queue consumer: each batch (up to 100 lines from any
 * number of isolates) becomes one D1 batch of INSERT OR IGNORE statements —
 * all land or none, and a batch delivered again (after a failed write or an
 * ack lost) changes nothing. A failed write throws, so the queue retries the
 * batch (max_retries in wrangler.jsonc). A message that is not a line is
 * dropped: retrying it would never help.
 */
import { insertRequestLogStatements, type RequestLogRecord } from "@dream-api/shared/db";
import { z } from "zod";

const requestLogMessageSchema = z.object({
  requestId: z.string().min(1).max(64),
  platformId: z.string().min(1).max(64),
  mode: z.enum(["test", "live"]),
  time: z.string().min(1).max(40),
  method: z.string().min(1).max(16),
  route: z.string().min(1).max(256),
  status: z.number().int(),
  errorCode: z.string().max(64).nullable(),
  userId: z.string().max(160).nullable(),
  latencyMs: z.number().int().min(0),
  caller: z.string().min(1).max(64),
});

export async function writeRequestLogBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const records: RequestLogRecord[] = [];
  for (const message of batch.messages) {
    const parsed = requestLogMessageSchema.safeParse(message.body);
    if (parsed.success) records.push(parsed.data);
    else console.error(JSON.stringify({ level: "error", msg: "request log message dropped", queue: batch.queue, messageId: message.id }));
  }
  if (records.length > 0) await env.DB.batch(insertRequestLogStatements(env.DB, records));
  batch.ackAll();
}
