/**
 * The Settings page's form ↔ PATCH /settings: origins one per line, empty URL
 * and brand fields cleared (null), "allow localhost" sent for test mode only
 * (live mode refuses it), usage-alert thresholds typed as percentages and
 * sent as fractions (./usage-alerts), and an API field error (`param`, e.g.
 * `allowedOrigins.1`) mapped back to the form field it belongs to.
 */
import type { Settings, SettingsChange } from "../api/models";
import { formatThresholds, parseThresholds } from "./usage-alerts";

export interface SettingsForm {
  allowedOrigins: string;
  allowLocalhost: boolean;
  defaultSuccessUrl: string;
  defaultCancelUrl: string;
  defaultReturnUrl: string;
  displayName: string;
  logoUrl: string;
  accentColor: string;
  supportEmail: string;
  /** Percentages, e.g. "80, 100"; empty = usage alerts off. */
  usageAlertThresholds: string;
}

export type SettingsField = keyof SettingsForm;
/** The form's text fields (everything but the checkbox). */
export type SettingsTextField = Exclude<SettingsField, "allowLocalhost">;

const FIELDS: readonly SettingsField[] = [
  "allowedOrigins",
  "allowLocalhost",
  "defaultSuccessUrl",
  "defaultCancelUrl",
  "defaultReturnUrl",
  "displayName",
  "logoUrl",
  "accentColor",
  "supportEmail",
  "usageAlertThresholds",
];

export function formOf(settings: Settings): SettingsForm {
  return {
    allowedOrigins: settings.allowedOrigins.join("\n"),
    allowLocalhost: settings.allowLocalhost,
    defaultSuccessUrl: settings.defaultSuccessUrl ?? "",
    defaultCancelUrl: settings.defaultCancelUrl ?? "",
    defaultReturnUrl: settings.defaultReturnUrl ?? "",
    displayName: settings.displayName ?? "",
    logoUrl: settings.logoUrl ?? "",
    accentColor: settings.accentColor ?? "",
    supportEmail: settings.supportEmail ?? "",
    usageAlertThresholds: formatThresholds(settings.usageAlertThresholds),
  };
}

/** The form's own errors, found before anything is sent (the API checks the rest). */
export function validateForm(form: SettingsForm): Partial<Record<SettingsField, string>> {
  const thresholds = parseThresholds(form.usageAlertThresholds);
  return thresholds.ok ? {} : { usageAlertThresholds: thresholds.error };
}

/** The PATCH body; thresholds the form cannot read (see validateForm) are left unchanged. */
export function changeOf(mode: Settings["mode"], form: SettingsForm): SettingsChange {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  const thresholds = parseThresholds(form.usageAlertThresholds);
  return {
    mode,
    allowedOrigins: form.allowedOrigins
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    ...(mode === "test" ? { allowLocalhost: form.allowLocalhost } : {}),
    defaultSuccessUrl: text(form.defaultSuccessUrl),
    defaultCancelUrl: text(form.defaultCancelUrl),
    defaultReturnUrl: text(form.defaultReturnUrl),
    displayName: text(form.displayName),
    logoUrl: text(form.logoUrl),
    accentColor: text(form.accentColor),
    supportEmail: text(form.supportEmail),
    ...(thresholds.ok ? { usageAlertThresholds: thresholds.fractions } : {}),
  };
}

/** The form field an API error's `param` names, if any. */
export function fieldOf(param: string | undefined): SettingsField | undefined {
  const field = param?.split(".")[0];
  return FIELDS.find((candidate) => candidate === field);
}
