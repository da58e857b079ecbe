import { createApp } from "./app";
import { handleQueueBatch } from "./queues";
import { runScheduled } from "./scheduled";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => ctx.waitUntil(runScheduled(controller, env)),
  queue: (batch, env, ctx) => handleQueueBatch(batch, env, ctx),
} satisfies ExportedHandler<Env>;
