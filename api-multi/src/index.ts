import { createApp } from "./app";
import { handleQueueBatch } from "./queues";
import { runScheduled } from "./scheduled";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => ctx.waitUntil(runScheduled(controller, env)),
  queue: (batch, env) => handleQueueBatch(batch, env),
} satisfies ExportedHandler<Env>;
