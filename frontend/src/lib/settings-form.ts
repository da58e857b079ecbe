/**
 * The Settings page's form ↔ PATCH /settings: origins one per line, empty URL
 * fields cleared (null), and an API field error (`param`, e.g.
 * `allowedOrigins.1`) mapped back to the form field it belongs to.
 */
import type { Settings, SettingsChange } from "../api/models";

export interface SettingsForm {
  allowedOrigins: string;
  defaultSuccessUrl: string;
  defaultCancelUrl: string;
  defaultReturnUrl: string;
}

export type SettingsField = keyof SettingsForm;

export function formOf(settings: Settings): SettingsForm {
  return {
    allowedOrigins: settings.allowedOrigins.join("\n"),
    defaultSuccessUrl: settings.defaultSuccessUrl ?? "",
    defaultCancelUrl: settings.defaultCancelUrl ?? "",
    defaultReturnUrl: settings.defaultReturnUrl ?? "",
  };
}

export function changeOf(mode: Settings["mode"], form: SettingsForm): SettingsChange {
  const url = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    mode,
    allowedOrigins: form.allowedOrigins
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    defaultSuccessUrl: url(form.defaultSuccessUrl),
    defaultCancelUrl: url(form.defaultCancelUrl),
    defaultReturnUrl: url(form.defaultReturnUrl),
  };
}

/** The form field an API error's `param` names, if any. */
export function fieldOf(param: string | undefined): SettingsField | undefined {
  const field = param?.split(".")[0];
  return field === "allowedOrigins" || field === "defaultSuccessUrl" || field === "defaultCancelUrl" || field === "defaultReturnUrl" ? field : undefined;
}
