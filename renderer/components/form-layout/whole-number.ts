/** The whole number typed in a box (up to six digits), or null for anything else: the form refuses it at its field. */
export function wholeNumberIn(text: string): number | null {
  const typed = text.trim();
  return /^\d{1,6}$/.test(typed) ? Number(typed) : null;
}
