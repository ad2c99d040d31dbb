import { useEffect } from 'react';

/** A popup whose subject went (deleted elsewhere between the click and now): it closes at once, showing nothing. */
export function CloseAtOnce({ onClose }: { readonly onClose: () => void }) {
  useEffect(onClose, [onClose]);
  return null;
}
