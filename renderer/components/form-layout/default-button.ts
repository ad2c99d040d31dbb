import { useCallback, useRef, type KeyboardEvent, type RefObject } from 'react';

/** Input types in which Enter means "done", as in a Windows dialog; others (a file picker) keep their own. */
const enterPressesDefault = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
  'checkbox',
  'radio',
]);

/**
 * Marks a wrapping text box whose value is one line (a comment: the text policy refuses line
 * breaks), so Enter there presses the default button instead of typing a line break it refuses.
 */
export const oneLineText = { 'data-one-line': '' } as const;

/**
 * Whether Enter on this element presses the dialog's default button. Not in a multi-line field
 * (Enter is a new line), not in an open drop-down or combo box (Enter picks the option), not on a
 * button, tab, link or list (Enter is theirs), and not inside a form of the page (a field with its
 * own button, such as a file's Open, submits that form).
 */
export function entersDefault(target: Element, surface: Element): boolean {
  if (!surface.contains(target)) return false; // a nested dialog is a portal: not this dialog's field
  const form = target.closest('form');
  if (form !== null && surface.contains(form)) return false;
  if (target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'true') return false;
  if (target instanceof HTMLInputElement) return enterPressesDefault.has(target.type);
  if (target instanceof HTMLTextAreaElement) return target.hasAttribute('data-one-line');
  return target.getAttribute('role') === 'spinbutton';
}

export interface DefaultButton {
  /** Goes on the default button (Next, Finish, OK, Close). */
  readonly ref: RefObject<HTMLButtonElement | null>;
  /** Goes on the dialog's surface. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * Enter in a field presses the default button, as in every Windows dialog. The press waits for
 * the keystroke's own effects (a spin button commits its typed value on Enter) to reach the
 * screen, so the button acts on the value the admin sees and is pressed only if still enabled.
 */
export function useDefaultButton(): DefaultButton {
  const ref = useRef<HTMLButtonElement | null>(null);
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (!(event.target instanceof Element) || !entersDefault(event.target, event.currentTarget)) return;
    event.preventDefault();
    window.setTimeout(() => {
      const button = ref.current;
      if (button !== null && button.isConnected && !button.disabled) button.click();
    }, 0);
  }, []);
  return { ref, onKeyDown };
}
