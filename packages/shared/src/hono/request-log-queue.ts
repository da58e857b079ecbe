/**
 * A request-log sink that sends lines to a Cloudflare Queue in batches, off
 * the hot path: each line is buffered in the isolate after the response,
 * and one flush, scheduled with waitUntil, sends whatever has gathered after
 * `flushAfterMs` (or at once when QUEUE_SEND_LIMIT lines wait) — so a busy
 * isolate makes one `sendBatch` per interval, not one queue call per
 * request, and nothing is awaited before any response.
 *
 * Lines are best effort: a line still buffered when its isolate is evicted,
 * or refused by the queue, is lost (and counted in a console error line).
 */
import type { Context } from "hono";
import type { RequestIdVariables } from "./request-context";
import type { RequestLogLine, RequestLogSink } from "./request-log";

/** What one `Queue.sendBatch` takes at most (Cloudflare's limit: 100 messages). */
export const QUEUE_SEND_LIMIT = 100;

/** A flush that has not run this long past its time is taken as lost with its request's context, and another is scheduled. */
const LOST_FLUSH_MS = 35_000;

export interface QueuedRequestLogOptions<E extends { Variables: RequestIdVariables }, M> {
  /** The worker's name in the console line of a failed send. */
  worker: string;
  /** The message this request's line becomes, or undefined when it is not kept. */
  message: (c: Context<E>, line: RequestLogLine) => M | undefined;
  /** The queue the buffered lines go to. */
  queue: (c: Context<E>) => Queue<M>;
  /** How long the first line of a batch waits for others. */
  flushAfterMs: (c: Context<E>) => number;
  /** Work on the batch just before it is sent, in the flush (e.g. hashing that must not run on the hot path). */
  beforeSend?: (messages: M[]) => Promise<M[]>;
}

/** A sink with its own buffer: create one per worker app (one per isolate in production). */
export function queuedRequestLog<E extends { Variables: RequestIdVariables }, M>(options: QueuedRequestLogOptions<E, M>): RequestLogSink<E> {
  let pending: M[] = [];
  /** When the scheduled flush is due (Date.now() clock), or null when none is scheduled. */
  let flushDue: number | null = null;

  async function flush(queue: Queue<M>): Promise<void> {
    const lines = pending;
    pending = [];
    if (lines.length === 0) return;
    let sent = 0;
    try {
      const messages = options.beforeSend ? await options.beforeSend(lines) : lines;
      for (let start = 0; start < messages.length; start += QUEUE_SEND_LIMIT) {
        const chunk = messages.slice(start, start + QUEUE_SEND_LIMIT);
        await queue.sendBatch(chunk.map((body) => ({ body, contentType: "json" as const })));
        sent += chunk.length;
      }
    } catch (error) {
      console.error(JSON.stringify({ level: "error", msg: "request log lines lost", worker: options.worker, lost: lines.length - sent, error: error instanceof Error ? error.name : "unknown" }));
    }
  }

  return (c, line) => {
    const message = options.message(c, line);
    if (message === undefined) return;
    pending.push(message);
    const queue = options.queue(c);
    if (pending.length >= QUEUE_SEND_LIMIT) {
      c.executionCtx.waitUntil(flush(queue));
      return;
    }
    const now = Date.now();
    if (flushDue !== null && now < flushDue + LOST_FLUSH_MS) return;
    const delay = Math.max(0, options.flushAfterMs(c));
    flushDue = now + delay;
    const due = flushDue;
    c.executionCtx.waitUntil(
      new Promise((resolve) => setTimeout(resolve, delay)).then(() => {
        if (flushDue === due) flushDue = null;
        return flush(queue);
      }),
    );
  };
}
