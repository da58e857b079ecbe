/** Components rendered to HTML without a browser, and their visible text. */
import type { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

export const html = (element: ReturnType<typeof createElement>) => renderToStaticMarkup(element);

/** The text a reader sees: tags dropped, entities React escapes decoded, white space folded. */
export const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
