import { componentStatusSeverities, componentThresholdsUpdateSchema, type ComponentStatusSeverity, type ComponentThresholdsUpdate, type ComponentThresholdsValue } from '../../../core/api';

export type ThresholdLevel = 'warning' | 'critical';

/** A field of the dialog, named as the contract names it ("error.critical"). */
export type ThresholdField = `${ComponentStatusSeverity}.${ThresholdLevel}`;

/** What the admin typed, field by field. */
export type ThresholdsDraft = Readonly<Record<ThresholdField, string>>;

export const thresholdFields: readonly ThresholdField[] = componentStatusSeverities.flatMap((severity) => [`${severity}.warning` as const, `${severity}.critical` as const]);

export const severityLabels: Readonly<Record<ComponentStatusSeverity, string>> = { error: 'Errors', warning: 'Warnings', info: 'Information' };

export function draftOf(thresholds: ComponentThresholdsValue): ThresholdsDraft {
  const entries = thresholdFields.map((field) => {
    const [severity, level] = field.split('.') as [ComponentStatusSeverity, ThresholdLevel];
    return [field, String(thresholds[severity][level])] as const;
  });
  return Object.fromEntries(entries) as Record<ThresholdField, string>;
}

export type ThresholdsCheck =
  | { readonly ok: true; readonly update: ComponentThresholdsUpdate }
  | { readonly ok: false; readonly issues: Partial<Record<ThresholdField, string>> };

/**
 * The update the draft asks for, checked by the contract's schema (whole numbers from 1 up), and
 * then as the site server checks the merged thresholds: critical is never below warning.
 */
export function checkThresholds(draft: ThresholdsDraft): ThresholdsCheck {
  const issues: Partial<Record<ThresholdField, string>> = {};
  const typed: Record<string, Record<string, number>> = {};
  for (const field of thresholdFields) {
    const [severity, level] = field.split('.') as [ComponentStatusSeverity, ThresholdLevel];
    const text = draft[field].trim();
    // Digits only: "1e3", " 0x10" or "5.0" would pass Number() but are not what the admin sees.
    const value = /^\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
    (typed[severity] ??= {})[level] = value;
  }
  const parsed = componentThresholdsUpdateSchema.safeParse(typed);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') as ThresholdField;
      if (thresholdFields.includes(field)) issues[field] ??= issue.message.replace(/^[a-z]+\.[a-z]+: /, '');
    }
    return { ok: false, issues };
  }
  for (const severity of componentStatusSeverities) {
    const levels = parsed.data[severity];
    if (levels?.warning !== undefined && levels.critical !== undefined && levels.critical < levels.warning) {
      issues[`${severity}.critical`] = `The critical threshold (${levels.critical}) is below the warning threshold (${levels.warning}).`;
    }
  }
  return Object.keys(issues).length > 0 ? { ok: false, issues } : { ok: true, update: parsed.data };
}
