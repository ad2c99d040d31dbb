import type { ReactNode } from 'react';
import type { Popup } from '../console/popup-kinds';
import type { ConsoleRegistry, PopupEnv } from './registration';
import { renderPopup } from './registry-lookups';

interface PopupHostProps {
  readonly registry: ConsoleRegistry;
  readonly popup: Popup | null;
  readonly env: PopupEnv;
}

/** Renders the one open dialog, as its kind's registration draws it. */
export function PopupHost({ registry, popup, env }: PopupHostProps): ReactNode {
  return popup === null ? null : renderPopup(registry, popup, env);
}
