/**
 * How a dialog finds the control of a setting, to take the admin to a problem: the element that
 * holds the control carries `data-field="<setting>"`.
 */
const attribute = 'data-field';

export function fieldAnchor(field: string): { readonly [attribute]: string } {
  return { [attribute]: field };
}

const focusable = [
  'input:not([disabled]):not([type="hidden"])',
  'textarea:not([disabled])',
  'select:not([disabled])',
  'button:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * Scrolls the setting's control into view and focuses it. Returns false when the page shows no
 * such setting. A disabled control is only scrolled to: the message says what enables it.
 */
export function focusField(container: HTMLElement | null, field: string): boolean {
  if (container === null) return false;
  const anchor = container.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(field)}"]`);
  if (anchor === null) return false;
  const target = anchor.matches(focusable) ? anchor : anchor.querySelector<HTMLElement>(focusable);
  (target ?? anchor).scrollIntoView({ block: 'nearest' });
  target?.focus();
  return true;
}
