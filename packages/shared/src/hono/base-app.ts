import { Hono, type Env as HonoEnv } from "hono";
import { notFound, onError, requestId, type RequestIdVariables } from "./request-context";

/**
 * The skeleton every worker starts from: one error handler, one 404, a
 * request id on every response, and an unauthenticated `GET /health`.
 */
export function createBaseApp<E extends HonoEnv & { Variables: RequestIdVariables }>(service: string): Hono<E> {
  const app = new Hono<E>();
  app.onError(onError);
  app.notFound(notFound);
  app.use("*", requestId());
  app.get("/health", (c) => c.json({ ok: true, service }));
  return app;
}
