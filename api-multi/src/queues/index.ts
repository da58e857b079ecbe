/** api-multi's queue consumers (wrangler.jsonc `queues.consumers`), by queue name. */
import { writeRequestLogBatch } from "./request-logs";

export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext): Promise<void> {
  switch (batch.queue) {
    case "dream-api-request-logs":
      return writeRequestLogBatch(batch, env);
    // "dream-api-webhooks": outbound webhook events and deliveries (added by the webhooks work).
    default:
      // A queue this worker does not consume (misconfiguration): fail, so its messages are retried, not lost.
      throw new Error(`No consumer for queue ${batch.queue}`);
  }
}
