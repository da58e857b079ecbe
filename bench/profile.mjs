/**
 * CPU profile of workerd's isolates while one load scenario runs: started by
 * `pnpm bench --profile` (bench/run.mjs) as its own process, with Node's
 * WebSocket (`--experimental-websocket` on Node 20). Connects to the
 * inspector of each target (the measured worker, and the local D1 database
 * worker), samples every 100 µs during the load, and prints per target: the
 * busy samples per request (comparable between scenarios of one run) and
 * the functions with the most self time.
 *   node --experimental-websocket bench/profile.mjs '<json: {inspector, targets, load}>'
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
/** @type {{ inspector: string, targets: string[], load: Record<string, unknown>, top?: number }} */
const spec = JSON.parse(process.argv[2] ?? "{}");

/** @param {string} url */
async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let next = 0;
  /** @type {Map<number, (result: any) => void>} */
  const pending = new Map();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  return {
    /** @param {string} method @param {Record<string, unknown>} [params] */
    send: (method, params = {}) =>
      new Promise((resolve) => {
        next += 1;
        pending.set(next, resolve);
        socket.send(JSON.stringify({ id: next, method, params }));
      }),
    close: () => socket.close(),
  };
}

const listed = /** @type {{ id: string, webSocketDebuggerUrl: string }[]} */ (await (await fetch(`${spec.inspector}/json`)).json());
const sessions = [];
for (const target of spec.targets) {
  const entry = listed.find((candidate) => candidate.id === target);
  if (!entry) throw new Error(`no inspector target ${target} (have: ${listed.map((candidate) => candidate.id).join(", ")})`);
  const session = await connect(entry.webSocketDebuggerUrl);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 100 });
  sessions.push({ target, session });
}
for (const { session } of sessions) await session.send("Profiler.start");
const { stdout } = await run(process.execPath, [join(import.meta.dirname, "load.mjs"), JSON.stringify(spec.load)], { maxBuffer: 1 << 20 });
const load = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");

const report = { requests: load.total, rps: Math.round(load.rps), targets: /** @type {Record<string, unknown>} */ ({}) };
for (const { target, session } of sessions) {
  const { profile } = /** @type {{ profile: { nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[], samples: number[] } }} */ (
    await session.send("Profiler.stop")
  );
  session.close();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<string, number>} */
  const self = new Map();
  let idle = 0;
  for (const sample of profile.samples) {
    const frame = nodes.get(sample)?.callFrame;
    const name = frame ? `${frame.functionName || "(anonymous)"}${frame.url ? ` ${frame.url.split("/").pop()}:${frame.lineNumber}` : ""}` : "?";
    if (name === "(idle)") idle += 1;
    self.set(name, (self.get(name) ?? 0) + 1);
  }
  const busy = profile.samples.length - idle;
  report.targets[target] = {
    busySamplesPerRequest: Math.round((busy / Math.max(1, load.total)) * 1000) / 1000,
    top: [...self.entries()]
      .filter(([name]) => name !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, spec.top ?? 12)
      .map(([name, samples]) => ({ name, share: `${((samples / Math.max(1, busy)) * 100).toFixed(1)}%` })),
  };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
