import { FluentProvider } from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { CourierBridge } from '../../../core/api';
import { connectConsole, CourierProvider } from '../../client/courier-context';
import { useColorScheme } from '../../components/use-color-scheme';
import { StatusViewerPage } from '../../features/status-viewer/status-viewer-page';
import { filterFromSearch, searchOf, type ViewerFilter } from '../../features/status-viewer/viewer-filter';
import { darkTheme, lightTheme, useGlobalStyles, useSchemeStyles } from '../console/console-app';

/**
 * The Status Message Viewer's window: its own page (status-viewer.html), its filter in the
 * query string, so a reload or a bookmark shows the same messages.
 */
export function StatusViewerApp({ bridge }: { readonly bridge: CourierBridge }): ReactNode {
  useGlobalStyles();
  const styles = useSchemeStyles();
  const scheme = useColorScheme();
  const connection = useMemo(() => connectConsole(bridge), [bridge]);
  const [parsed] = useState(() => filterFromSearch(window.location.search));
  const [filter, setFilter] = useState<ViewerFilter>(parsed.ok ? parsed.value : {});
  const onFilterChange = useCallback((next: ViewerFilter) => {
    const search = searchOf(next);
    history.replaceState(null, '', `${window.location.pathname}${search === '' ? '' : `?${search}`}`);
    setFilter(next);
  }, []);
  return (
    <FluentProvider theme={scheme === 'dark' ? darkTheme : lightTheme} className={scheme === 'dark' ? styles.dark : styles.light} applyStylesToPortals>
      <CourierProvider connection={connection}>
        {parsed.ok ? (
          <StatusViewerPage filter={filter} onFilterChange={onFilterChange} />
        ) : (
          <p role="alert" style={{ padding: 16 }}>
            The Status Message Viewer cannot show this address: {parsed.message}
          </p>
        )}
      </CourierProvider>
    </FluentProvider>
  );
}
