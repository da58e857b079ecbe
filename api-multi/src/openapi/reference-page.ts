/**
 * The API reference as one server-rendered HTML page, drawn from the
 * OpenAPI document: no JavaScript and no CDN, so it reads the same offline,
 * behind a strict CSP, or in a terminal browser.
 */
import { ERROR_CODES, type ErrorCode } from "@dream-api/shared";
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter, OpenApiWebhookOperation } from "@dream-api/shared/openapi";

const escapeHtml = (text: unknown) => String(text).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** `code` spans for backticks, everything else escaped. */
const prose = (text: unknown) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

const refName = (ref: string) => ref.split("/").pop() ?? ref;

function typeOf(schema: JsonSchema): string {
  if (typeof schema["$ref"] === "string") {
    const name = refName(schema["$ref"]);
    return `<a href="#model-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  if ("const" in schema) return `<code>${escapeHtml(JSON.stringify(schema["const"]))}</code>`;
  if (Array.isArray(schema["enum"])) return schema["enum"].map((value) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(" | ");
  const variants = (schema["anyOf"] ?? schema["oneOf"]) as JsonSchema[] | undefined;
  if (variants) return variants.map(typeOf).join(" | ");
  if (schema["type"] === "array") return `${typeOf((schema["items"] ?? {}) as JsonSchema)}[]`;
  const format = typeof schema["format"] === "string" ? ` (${escapeHtml(schema["format"])})` : "";
  return `${escapeHtml(schema["type"] ?? "any")}${format}`;
}

function constraints(schema: JsonSchema): string {
  const notes: string[] = [];
  const pairs: [string, string][] = [
    ["minimum", "≥"],
    ["maximum", "≤"],
    ["minLength", "min length"],
    ["maxLength", "max length"],
  ];
  for (const [key, label] of pairs) if (typeof schema[key] === "number") notes.push(`${label} ${schema[key]}`);
  if ("default" in schema) notes.push(`default <code>${escapeHtml(JSON.stringify(schema["default"]))}</code>`);
  if (typeof schema["pattern"] === "string" && schema["format"] === undefined) notes.push(`pattern <code>${escapeHtml(schema["pattern"])}</code>`);
  return notes.join(", ");
}

/** A field's or parameter's description, then its constraints. */
function about(description: unknown, schema: JsonSchema): string {
  return [description ? prose(description) : "", constraints(schema)].filter(Boolean).join(" — ");
}

function fieldRows(schema: JsonSchema): string {
  const properties = (schema["properties"] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema["required"] ?? []) as string[]);
  return Object.entries(properties)
    .map(([name, property]) => {
      return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? "" : ' <span class="opt">optional</span>'}</td><td>${typeOf(property)}</td><td>${about(property["description"], property)}</td></tr>`;
    })
    .join("");
}

function fieldTable(schema: JsonSchema, components: Record<string, JsonSchema>): string {
  const target = typeof schema["$ref"] === "string" ? (components[refName(schema["$ref"])] ?? {}) : schema;
  if (target["type"] !== "object") return `<p>${typeOf(schema)}</p>`;
  const rows = fieldRows(target);
  const open = target["additionalProperties"] === false ? "" : "<p class=note>Other fields are accepted.</p>";
  return rows ? `<table><tr><th>Field</th><th>Type</th><th>About</th></tr>${rows}</table>${open}` : "<p>No fields.</p>";
}

function parameterTable(parameters: OpenApiParameter[]): string {
  if (parameters.length === 0) return "";
  const rows = parameters
    .map((parameter) => {
      return `<tr><td><code>${escapeHtml(parameter.name)}</code>${parameter.required ? "" : ' <span class="opt">optional</span>'}</td><td>${escapeHtml(parameter.in)}</td><td>${typeOf(parameter.schema)}</td><td>${about(parameter.description, parameter.schema)}</td></tr>`;
    })
    .join("");
  return `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th><th>About</th></tr>${rows}</table>`;
}

const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function curl(server: string, method: string, path: string, operation: OpenApiOperation): string {
  const parts = [`curl -X ${method.toUpperCase()} '${server}${path.replace(/\{(\w+)\}/g, "user_42")}'`];
  if (operation.security.some((scheme) => "secretKey" in scheme)) parts.push(`-H 'Authorization: Bearer sk_test_…'`);
  const body = operation.requestBody?.content["application/json"];
  if (body) parts.push(`-H 'Content-Type: application/json'`, `-d '${JSON.stringify(body.example)}'`);
  return `<pre>${escapeHtml(parts.join(" \\\n  "))}</pre>`;
}

function operationSection(server: string, path: string, method: string, operation: OpenApiOperation, components: Record<string, JsonSchema>): string {
  const auth = operation.security.length === 0 ? "None." : operation.security.map((scheme) => `<code>${escapeHtml(Object.keys(scheme)[0])}</code>`).join(" or ");
  const [successStatus, success] = Object.entries(operation.responses)[0] ?? ["200", undefined];
  const successContent = success?.content ? Object.values(success.content)[0] : undefined;
  const body = operation.requestBody?.content["application/json"];
  const errors = operation["x-error-codes"].map((code) => `<code>${ERROR_CODES[code]} ${escapeHtml(code)}</code>`).join(" ");
  return `<section id="op-${escapeHtml(operation.operationId)}" class="op">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(operation.summary)}</h3>
<p>${prose(operation.description)}</p>
<p><b>Auth:</b> ${auth} · <b>SDK:</b> <code>dream.${escapeHtml(operation.operationId)}()</code></p>
${parameterTable(operation.parameters)}
${body ? `<h4>Request body</h4>${fieldTable(body.schema, components)}<h4>Example request</h4>${curl(server, method, path, operation)}` : ""}
<h4>Response ${escapeHtml(successStatus)}</h4><p>${prose(success?.description ?? "")}</p>
${successContent && success?.content?.["application/json"] ? `${fieldTable(successContent.schema, components)}${json(successContent.example)}` : ""}
${errors ? `<h4>Errors</h4><p class="codes">${errors}</p>` : ""}
</section>`;
}

function webhookSection(type: string, webhook: OpenApiWebhookOperation, components: Record<string, JsonSchema>): string {
  const body = webhook.requestBody.content["application/json"];
  const answers = Object.entries(webhook.responses)
    .map(([status, response]) => `<p><b>${escapeHtml(status)}</b>: ${prose(response.description)}</p>`)
    .join("");
  return `<section id="webhook-${escapeHtml(type)}" class="op">
<h3><span class="method post">POST</span> <code>${escapeHtml(type)}</code> — ${escapeHtml(webhook.summary)}</h3>
<p>${prose(webhook.description)}</p>
${parameterTable(webhook.parameters)}
${body ? `<h4>Body</h4>${fieldTable(body.schema, components)}${json(body.example)}` : ""}
<h4>Your answer</h4>${answers}
</section>`;
}

function modelSection(name: string, schema: JsonSchema, components: Record<string, JsonSchema>): string {
  return `<section id="model-${escapeHtml(name)}" class="model"><h3>${escapeHtml(name)}</h3>${schema["description"] ? `<p>${prose(schema["description"])}</p>` : ""}${fieldTable(schema, components)}</section>`;
}

const STYLE = `body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1f2937;display:flex}nav{width:260px;flex:none;height:100vh;position:sticky;top:0;overflow:auto;border-right:1px solid #e5e7eb;padding:16px;box-sizing:border-box;background:#f9fafb}nav a{display:block;color:#374151;text-decoration:none;font-size:14px;padding:2px 0}nav h2{font-size:12px;text-transform:uppercase;color:#6b7280;margin:16px 0 4px}main{padding:24px 40px;max-width:980px;min-width:0}table{border-collapse:collapse;width:100%;margin:8px 0;font-size:14px}td,th{border:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f3f4f6}pre{background:#111827;color:#e5e7eb;padding:12px;border-radius:6px;overflow:auto;font-size:13px}code{font-size:13px}.op,.model{border-top:1px solid #e5e7eb;padding-top:8px;margin-top:24px}.method{display:inline-block;min-width:52px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}.get{background:#2563eb}.post{background:#059669}.patch{background:#d97706}.opt{color:#6b7280;font-size:12px}.codes code{display:inline-block;background:#fef2f2;color:#991b1b;border-radius:4px;padding:1px 6px;margin:2px}.note{color:#6b7280;font-size:13px}@media(max-width:800px){body{display:block}nav{width:auto;height:auto;position:static}main{padding:16px}}`;

/** The whole reference page for `document`. */
export function renderReferencePage(document: OpenApiDocument): string {
  const server = document.servers[0]?.url ?? "";
  const components = document.components.schemas;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
  const byTag = document.tags.map((tag) => ({ ...tag, operations: operations.filter(({ operation }) => operation.tags.includes(tag.name)) }));
  const nav = byTag
    .map(
      (tag) =>
        `<h2>${escapeHtml(tag.name)}</h2>${tag.operations.map(({ method, path, operation }) => `<a href="#op-${escapeHtml(operation.operationId)}"><b>${escapeHtml(method.toUpperCase())}</b> ${escapeHtml(path)}</a>`).join("")}`,
    )
    .join("");
  const schemes = Object.entries(document.components.securitySchemes)
    .map(([name, scheme]) => `<tr><td><code>${escapeHtml(name)}</code></td><td>Bearer ${escapeHtml(scheme["bearerFormat"] ?? "")}</td><td>${prose(scheme["description"] ?? "")}</td></tr>`)
    .join("");
  const errorRows = (Object.entries(ERROR_CODES) as [ErrorCode, number][]).map(([code, status]) => `<tr><td><code>${escapeHtml(code)}</code></td><td>${status}</td></tr>`).join("");
  const webhooks = Object.entries(document.webhooks ?? {});
  const webhookNav = webhooks.length ? `<h2>Events</h2>${webhooks.map(([type]) => `<a href="#webhook-${escapeHtml(type)}"><b>POST</b> ${escapeHtml(type)}</a>`).join("")}` : "";
  const webhookSections = webhooks.length
    ? `<h2 id="events">Events</h2><p>What dream-api POSTs to your webhook endpoints (Standard Webhooks: verify the signature with <code>dream.webhooks.verify</code> before trusting the body). Switch on <code>type</code>, and answer 2xx to types you do not handle: new ones may be added.</p>${webhooks
        .map(([type, { post }]) => webhookSection(type, post, components))
        .join("")}`
    : "";
  const info = document.info as { title: string; version: string; summary?: string; description?: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(info.title)} API reference</title><style>${STYLE}</style></head><body>
<nav><b>${escapeHtml(info.title)}</b> <span class="opt">v${escapeHtml(info.version)}</span><h2>Start</h2><a href="#auth">Authentication</a><a href="#errors">Errors</a><a href="/openapi.json">openapi.json</a>${nav}${webhookNav}<h2>Models</h2>${Object.keys(
    components,
  )
    .map((name) => `<a href="#model-${escapeHtml(name)}">${escapeHtml(name)}</a>`)
    .join("")}</nav>
<main><h1>${escapeHtml(info.title)} API reference</h1><p>${prose(info.summary ?? "")}</p>${(info.description ?? "")
    .split("\n\n")
    .map((paragraph) => `<p>${prose(paragraph)}</p>`)
    .join("")}<p>Base URL: <code>${escapeHtml(server)}</code> · Machine-readable: <a href="/openapi.json">OpenAPI 3.1</a> · Typed client: <code>npm install @dream-api/client</code></p>
<h2 id="auth">Authentication</h2><table><tr><th>Scheme</th><th>Header</th><th>About</th></tr>${schemes}</table>
<h2 id="errors">Errors</h2><p>Every error answers <code>{ "error": { "code", "message", "param"? }, "requestId" }</code> with the status its code maps to:</p><table><tr><th>Code</th><th>Status</th></tr>${errorRows}</table>
${byTag.map((tag) => `<h2>${escapeHtml(tag.name)}</h2><p>${prose(tag.description)}</p>${tag.operations.map(({ method, path, operation }) => operationSection(server, path, method, operation, components)).join("")}`).join("")}
${webhookSections}
<h2>Models</h2>${Object.entries(components)
    .map(([name, schema]) => modelSection(name, schema, components))
    .join("")}
</main></body></html>`;
}
