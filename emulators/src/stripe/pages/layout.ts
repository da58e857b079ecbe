/**
 * Minimal HTML for the hosted pages: one auto-escaping template tag and one
 * page shell with inline CSS that reads well from 375 px wide up.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: interpolated values are escaped unless already SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, chunk, i) => out + chunk + (i < values.length ? render(values[i] as Interpolation) : ""), ""));
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f8fa;color:#1a1f36}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem}
.card{background:#fff;border:1px solid #e3e8ee;border-radius:12px;padding:1.25rem;margin-bottom:1rem}
h1{font-size:1.35rem;margin:0 0 .25rem}
h2{font-size:1.05rem;margin:0 0 .5rem}
.muted{color:#697386;font-size:.9rem}
.row{display:flex;justify-content:space-between;gap:1rem;padding:.35rem 0}
.total{border-top:1px solid #e3e8ee;margin-top:.5rem;padding-top:.6rem;font-weight:600}
label{display:block;font-size:.9rem;font-weight:500;margin:.75rem 0 .25rem}
input[type=text],input[type=email]{width:100%;padding:.65rem .75rem;font-size:1rem;border:1px solid #cfd7df;border-radius:8px}
.pair{display:flex;gap:.75rem}.pair>div{flex:1}
button,.button{display:block;width:100%;margin-top:1rem;padding:.75rem;font-size:1rem;font-weight:600;border:0;border-radius:8px;background:#635bff;color:#fff;text-align:center;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:#fff;color:#1a1f36;border:1px solid #cfd7df}
button.danger{background:#df1b41}
.alert{background:#fde8ec;color:#a4102e;border-radius:8px;padding:.65rem .75rem;margin-bottom:.5rem}
.note{background:#eef4ff;color:#1c3e8a;border-radius:8px;padding:.65rem .75rem;font-size:.85rem}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.1rem .5rem;border-radius:999px;background:#d7f7c2;color:#05690d}
.badge.warn{background:#fcedb9;color:#8a4b00}.badge.off{background:#e3e8ee;color:#4f566b}
a{color:#635bff}
.logo{display:block;max-height:3rem;max-width:12rem;margin-bottom:.5rem}
`;

export function page(title: string, body: SafeHtml, status = 200): Response {
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body><main>${body}</main></body>
</html>`;
  return new Response(document.value, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** A page that only states something (not found, expired, done). */
export function messagePage(title: string, message: string, link?: { href: string; label: string }, status = 200): Response {
  return page(title, html`<div class="card"><h1>${title}</h1><p>${message}</p>${link ? html`<a class="button secondary" href="${link.href}">${link.label}</a>` : ""}</div>`, status);
}

export function formatDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/** Stripe marks hosted pages of test-mode objects; live-mode pages carry no mark. */
export function testBadge(scope: { livemode: boolean }): SafeHtml | string {
  return scope.livemode ? "" : html` <span class="badge warn">Test mode</span>`;
}

export function merchantName(account: { id: string; business_profile: { name: string | null } }): string {
  return account.business_profile.name ?? account.id;
}
