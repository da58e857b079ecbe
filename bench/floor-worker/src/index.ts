/** The storage floor: exactly one D1 UPSERT per request, over 1,000 keys like the track scenario. */
interface Env {
  DB: D1Database;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const key = new URL(request.url).searchParams.get("k") ?? String(Math.floor(Math.random() * 1000));
    const row = await env.DB.prepare("INSERT INTO bench_floor (k, n) VALUES (?1, 1) ON CONFLICT (k) DO UPDATE SET n = n + 1 RETURNING n").bind(key).first<{ n: number }>();
    return Response.json({ n: row?.n ?? 0 });
  },
};
