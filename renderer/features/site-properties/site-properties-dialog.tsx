import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useStore } from 'zustand';
import { PropertySheet, sessionSheetProps, usePropertiesSession } from '../../components/property-sheet';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import type { ConsoleStores } from '../../console/console-stores';
import { GeneralTab } from './general-tab';
import { PathMappingsTab } from './path-mappings-tab';
import { SourceRootsTab } from './source-roots-tab';
import { sitePropertiesTabs, sourceRootsProperties } from './source-roots-model';
import { useSettingChanges } from './use-setting-changes';

export interface SitePropertiesDialogProps {
  readonly site: ConsoleStores['site'];
  readonly onClose: () => void;
  readonly onStatus: (text: string) => void;
}

/**
 * Site Settings › Properties: General (what the site is), Path Mappings (saved as each is
 * changed) and Source Roots (saved with OK or Apply). A change made meanwhile by another console
 * or the CLI shows at once, unless the admin has changes of their own not yet applied.
 */
export function SitePropertiesDialog({ site, onClose, onStatus }: SitePropertiesDialogProps) {
  const courier = useCourier();
  const info = useStore(site, (s) => s.info);
  const siteError = useStore(site, (s) => s.error);
  const session = usePropertiesSession(
    sourceRootsProperties,
    () => courier['site:source-roots:get']({}),
    (_, changes) => courier['site:source-roots:set'](changes),
    (saved) => onStatus(`Saved the source roots: ${saved.roots.length} ${saved.roots.length === 1 ? 'root' : 'roots'}, browsing ${saved.limitBrowsing ? 'limited to them' : 'not limited'}.`),
  );
  const { state, dispatch } = session;
  const { isDirty, propertiesIssues } = sourceRootsProperties;
  const ready = state.kind === 'ready' ? state : null;

  useSettingChanges('sourceRoots', () => {
    if (ready === null || ready.saving || isDirty(ready)) return;
    void settle(() => courier['site:source-roots:get']({})).then((result) => {
      if (result.ok) dispatch({ type: 'loaded', saved: result.value });
    });
  });

  const title = info ? `${info.siteCode} - ${info.siteName} Properties` : 'Site Properties';
  const tab = ready?.tab ?? 'general';

  return (
    <PropertySheet
      open
      title={title}
      tabs={sitePropertiesTabs}
      {...sessionSheetProps(sourceRootsProperties, session)}
      ready={ready !== null && info !== null}
      onClose={onClose}
    >
      {(state.kind === 'loading' || (info === null && siteError === null)) && <Spinner label="Reading the site’s settings…" />}
      {state.kind === 'loadFailed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {info === null && siteError !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{siteError}</MessageBarBody>
        </MessageBar>
      )}
      {ready !== null && info !== null && tab === 'general' && <GeneralTab site={info} />}
      {ready !== null && info !== null && tab === 'path-mappings' && <PathMappingsTab platform={info.platform} onStatus={onStatus} />}
      {ready !== null && info !== null && tab === 'source-roots' && (
        <SourceRootsTab
          draft={ready.draft}
          issues={propertiesIssues(ready)}
          disabled={ready.saving}
          onChange={(edit) => dispatch({ type: 'edit', changes: edit })}
        />
      )}
    </PropertySheet>
  );
}
