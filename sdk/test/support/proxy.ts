/**
 * A tiny HTTP proxy in front of api-multi that misbehaves on cue: answer
 * locally (429, 503…), drop the connection before or after forwarding,
 * or stall. Records every request (and api-multi's answer when forwarded).
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ProxyAction =
  | { kind: "forward" }
  | { kind: "respond"; status: number; headers?: Record<string, string>; body?: unknown }
  /** Destroys the connection without forwarding. */
  | { kind: "drop" }
  /** Forwards, waits for api-multi's full answer, then destroys the connection instead of replying. */
  | { kind: "forward-then-drop" }
  /** Waits `ms`, then forwards. */
  | { kind: "delay"; ms: number };

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  upstream?: { status: number; headers: Headers; body: string };
}

export interface RunningProxy {
  url: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["host", "connection", "keep-alive", "content-length", "transfer-encoding", "content-encoding"]);

export async function startProxy(target: string, decide: (request: ProxiedRequest, index: number) => ProxyAction): Promise<RunningProxy> {
  const requests: ProxiedRequest[] = [];

  const forward = async (recorded: ProxiedRequest) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(recorded.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await fetch(`${target}${recorded.path}`, {
      method: recorded.method,
      headers,
      ...(recorded.method === "GET" || recorded.method === "HEAD" ? {} : { body: recorded.body }),
    });
    recorded.upstream = { status: response.status, headers: response.headers, body: await response.text() };
    return recorded.upstream;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: ProxiedRequest = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      const index = requests.push(recorded) - 1;
      const action = decide(recorded, index);
      void (async () => {
        try {
          if (action.kind === "drop") {
            req.socket.destroy();
            return;
          }
          if (action.kind === "respond") {
            res.writeHead(action.status, { "Content-Type": "application/json", ...action.headers });
            res.end(action.body === undefined ? "" : JSON.stringify(action.body));
            return;
          }
          if (action.kind === "delay") await new Promise((resolve) => setTimeout(resolve, action.ms));
          const upstream = await forward(recorded);
          if (action.kind === "forward-then-drop") {
            req.socket.destroy();
            return;
          }
          if (res.destroyed) return;
          const headers: Record<string, string> = {};
          upstream.headers.forEach((value, name) => {
            if (!HOP_BY_HOP.has(name)) headers[name] = value;
          });
          res.writeHead(upstream.status, headers);
          res.end(upstream.body);
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An api-multi-shaped error body. */
export function errorBody(code: string, message: string) {
  return { error: { code, message }, requestId: `req_proxy_${Math.random().toString(36).slice(2, 10)}` };
}
