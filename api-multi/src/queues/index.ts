/**
 * api-multi's queue consumer: each batch goes to the handler of the queue it
 * came from (wrangler.jsonc `queues.consumers`).
 */
import type { WebhookQueueMessage } from "../events/emit";
import { processWebhookBatch } from "./webhooks";

export const WEBHOOK_QUEUE_NAME = "dream-api-webhooks";

export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  switch (batch.queue) {
    case WEBHOOK_QUEUE_NAME:
      return processWebhookBatch(batch as MessageBatch<WebhookQueueMessage>, env);
    default:
      throw new Error(`api-multi consumes no queue named ${batch.queue}.`);
  }
}
