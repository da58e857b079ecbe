import type { InstanceName } from "./types.js";

export type AuthMode = "sign-in" | "sign-up";

/** What the sign-in / sign-up form shows, including values to keep after an error. */
export interface AuthPageModel {
  mode: AuthMode;
  instance: InstanceName;
  redirectUrl: string;
  /** The organization the page that sent the user here asked to make active (if they belong to it). */
  organization?: { id: string; name: string };
  email?: string;
  firstName?: string;
  error?: string;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:16px;
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f4f5;color:#18181b}
main{width:100%;max-width:380px;background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:28px 24px;
  box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:1.35rem;margin:0 0 4px}
.sub{margin:0 0 20px;color:#52525b;font-size:.9rem}
label{display:block;font-weight:600;font-size:.9rem;margin:14px 0 6px}
.optional{font-weight:400;color:#71717a}
input{width:100%;padding:10px 12px;font-size:16px;border:1px solid #d4d4d8;border-radius:8px}
input:focus{outline:2px solid #6366f1;outline-offset:1px;border-color:#6366f1}
button{width:100%;margin-top:20px;padding:11px;font-size:1rem;font-weight:600;color:#fff;background:#4f46e5;
  border:0;border-radius:8px;cursor:pointer}
button:hover{background:#4338ca}
.error{margin:0 0 12px;padding:10px 12px;border-radius:8px;background:#fef2f2;color:#991b1b;border:1px solid #fecaca;font-size:.9rem}
.switch{margin:18px 0 0;text-align:center;font-size:.9rem;color:#52525b}
a{color:#4f46e5}
.note{margin:16px 0 0;font-size:.8rem;color:#71717a;text-align:center}
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** Query string that reopens the form in the same instance with the same redirect. */
function formQuery(model: AuthPageModel): string {
  const query = new URLSearchParams({ redirect_url: model.redirectUrl, instance: model.instance });
  if (model.organization) query.set("organization_id", model.organization.id);
  return query.toString();
}

export function renderAuthPage(model: AuthPageModel): string {
  const signUp = model.mode === "sign-up";
  const title = signUp ? "Create your account" : "Sign in";
  const hiddenFields: [string, string][] = [
    ["redirect_url", model.redirectUrl],
    ["instance", model.instance],
  ];
  if (model.organization) hiddenFields.push(["organization_id", model.organization.id]);
  const hidden = hiddenFields.map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`).join("\n");
  const firstName = signUp
    ? `<label for="first_name">First name <span class="optional">(optional)</span></label>
<input id="first_name" name="first_name" type="text" autocomplete="given-name" value="${escapeHtml(model.firstName ?? "")}">`
    : "";
  const switchLink = signUp
    ? `Already have an account? <a href="/sign-in?${escapeHtml(formQuery(model))}">Sign in</a>`
    : `No account yet? <a href="/sign-up?${escapeHtml(formQuery(model))}">Sign up</a>`;
  return page(
    `${title} · ${model.instance}`,
    `<h1>${title}</h1>
<p class="sub">to continue to <strong>${escapeHtml(model.organization?.name ?? model.instance)}</strong></p>
${model.error ? `<p class="error" role="alert">${escapeHtml(model.error)}</p>` : ""}
<form method="post" action="/${model.mode}">
${hidden}
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(model.email ?? "")}">
${firstName}
<button type="submit">${signUp ? "Sign up" : "Continue"}</button>
</form>
<p class="switch">${switchLink}</p>
<p class="note">Local Clerk emulator: no password or email code is needed.</p>`,
  );
}

export function renderErrorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`);
}
