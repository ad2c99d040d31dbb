/** Copy (TSV, as spreadsheets paste it) and Export (CSV or TSV) of status messages. */
export type TextFormat = 'csv' | 'tsv';

// A cell starting with one of these is read as a formula by spreadsheets (OWASP "CSV
// Injection"): a description holding "=HYPERLINK(…)" must stay text. A leading apostrophe is
// how spreadsheets themselves mark a cell as text.
const formulaStart = /^[=+\-@\t\r]/;

/** One cell, escaped for the format: quoted when it holds the separator, a quote or a line break. */
export function cellOf(value: string, format: TextFormat): string {
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  const separator = format === 'csv' ? ',' : '\t';
  if (guarded.includes(separator) || guarded.includes('"') || guarded.includes('\n') || guarded.includes('\r')) {
    return `"${guarded.replaceAll('"', '""')}"`;
  }
  return guarded;
}

/** One line of cells, ended by CRLF as RFC 4180 asks. */
export function lineOf(cells: readonly string[], format: TextFormat): string {
  return `${cells.map((cell) => cellOf(cell, format)).join(format === 'csv' ? ',' : '\t')}\r\n`;
}
