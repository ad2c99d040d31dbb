import { useEffect, useRef } from 'react';
import type { SiteSettingsChangedEvent } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';

/** Calls `onChange` whenever any console or the CLI changes this site setting. */
export function useSettingChanges(setting: SiteSettingsChangedEvent['setting'], onChange: () => void): void {
  const bridge = useCourierBridge();
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(
    () =>
      bridge.subscribe('site:settings-changed', (event) => {
        if (event.setting === setting) latest.current();
      }),
    [bridge, setting],
  );
}
