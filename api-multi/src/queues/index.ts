/**
 * api-multi's queue consumers (wrangler.jsonc `queues.consumers`): each
 * batch goes to the handler of the queue it came from.
 */
import type { WebhookQueueMessage } from "../events/emit";
import { writeRequestLogBatch } from "./request-logs";
import { processWebhookBatch } from "./webhooks";

export const WEBHOOK_QUEUE_NAME = "dream-api-webhooks";
export const REQUEST_LOG_QUEUE_NAME = "dream-api-request-logs";

export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext): Promise<void> {
  switch (batch.queue) {
    case WEBHOOK_QUEUE_NAME:
      return processWebhookBatch(batch as MessageBatch<WebhookQueueMessage>, env);
    case REQUEST_LOG_QUEUE_NAME:
      return writeRequestLogBatch(batch, env);
    default:
      // A queue this worker does not consume (misconfiguration): fail, so its messages are retried, not lost.
      throw new Error(`api-multi consumes no queue named ${batch.queue}.`);
  }
}
