import { useEffect, useRef, type RefObject } from 'react';
import type { WizardFooter } from './wizard-types';

/** Marks the button a Confirmation page offers as its main action (after a failure: the way back). */
export const defaultActionAttribute = 'data-default-action';

const focusable = 'input:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusIsLost(surface: HTMLElement): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body || !surface.contains(active)) return true;
  return active.matches(':disabled');
}

/**
 * Where the focus goes when the wizard changes page, as in the suite's wizards: Confirmation
 * focuses its default button (Close, or the page's way back after a failure), so Enter closes;
 * on other pages a focus left on a button that went away or was disabled (Next on the last
 * settings page, Summary) moves to the default button, or else to the page's first control.
 */
export function useWizardFocus({ surface, body, defaultButton, page, footer }: {
  readonly surface: RefObject<HTMLElement | null>;
  readonly body: RefObject<HTMLElement | null>;
  readonly defaultButton: RefObject<HTMLButtonElement | null>;
  readonly page: string;
  readonly footer: WizardFooter['kind'];
}): void {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const key = `${page}:${footer}`;
    const first = shown.current === null;
    shown.current = key;
    // On opening, the dialog itself focuses the first control.
    if (first || surface.current === null) return;
    if (footer === 'confirmation') {
      const action = body.current?.querySelector<HTMLElement>(`[${defaultActionAttribute}]`);
      (action ?? defaultButton.current)?.focus();
      return;
    }
    if (!focusIsLost(surface.current)) return;
    const button = defaultButton.current;
    if (button !== null && !button.disabled) button.focus();
    else body.current?.querySelector<HTMLElement>(focusable)?.focus();
  }, [page, footer]);
}
