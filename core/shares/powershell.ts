/**
 * Values written into a PowerShell script as single-quoted strings (about_Quoting_Rules): nothing
 * inside is expanded, and the only special characters are the quotes themselves, doubled to be
 * literal. PowerShell takes the typographic single quotes U+2018–U+201B as quotes too, so they
 * are doubled as well (as its own CodeGeneration.EscapeSingleQuotedStringContent does).
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/** A PowerShell array of single-quoted strings: @('a', 'b'). */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psQuote).join(', ')})`;
}

/** How the provider starts PowerShell: no profile (nothing of the admin's runs), no prompt. */
export const powershellArgs = ['-NoProfile', '-NonInteractive', '-Command'] as const;

/** Stops at the first error and leaves its message on stderr with a non-zero exit code. */
export function psScript(lines: readonly string[]): string {
  return ["$ErrorActionPreference = 'Stop'", "$ProgressPreference = 'SilentlyContinue'", 'try {', ...lines.map((line) => `  ${line}`), '} catch {', '  [Console]::Error.WriteLine($_.Exception.Message)', '  exit 1', '}'].join('\n');
}
