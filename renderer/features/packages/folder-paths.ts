/** The folder above a typed path, '' (the roots) above a root; either separator, as typed. */
export function parentOf(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  if (cut <= 0) return '';
  const parent = trimmed.slice(0, cut);
  // Keep "C:\" and "\\server\share" whole: C: or \\server alone cannot be listed.
  if (/^[A-Za-z]:$/.test(parent)) return `${parent}\\`;
  if (/^\\\\[^\\]+$/.test(parent)) return '';
  return parent;
}
