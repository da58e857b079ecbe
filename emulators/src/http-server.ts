/**
 * Serves an emulator's fetch handler over real HTTP on loopback. Port 0
 * picks a free port; the resolved URL comes back with a close function.
 */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(fetch: (request: Request) => Response | Promise<Response>, options: { port?: number; hostname?: string } = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  const server = serve({ fetch, hostname, port: options.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port that was free a moment ago, for servers that must know their URL before they start. */
export function freePort(hostname = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, hostname, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
