import { FluentProvider, makeStaticStyles, makeStyles, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import type { CourierBridge } from '../../../core/api';
import { useColorScheme } from '../../components/use-color-scheme';
import { LogViewer } from '../../features/log-viewer/log-viewer';
import { parseLogViewerQuery } from '../../features/log-viewer/log-viewer-query';

// As the console window: Segoe UI first, then each platform's own UI font.
const fontFamilyBase =
  "'Segoe UI', 'Segoe UI Web (West European)', system-ui, -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const lightTheme: Theme = { ...webLightTheme, fontFamilyBase };
const darkTheme: Theme = { ...webDarkTheme, fontFamilyBase };

const useGlobalStyles = makeStaticStyles({
  'html, body, #root, #root > .fui-FluentProvider': { height: '100%', margin: 0, padding: 0, overflow: 'hidden' },
});

const useStyles = makeStyles({
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
});

/** The log viewer window (log-viewer.html), in the console's light or dark theme. */
export function LogViewerApp({ bridge, search }: { readonly bridge: CourierBridge; readonly search: string }): ReactNode {
  useGlobalStyles();
  const styles = useStyles();
  const scheme = useColorScheme();
  const query = useMemo(() => parseLogViewerQuery(search), [search]);
  return (
    <FluentProvider theme={scheme === 'dark' ? darkTheme : lightTheme} className={scheme === 'dark' ? styles.dark : styles.light} applyStylesToPortals>
      <LogViewer courier={bridge.requests} query={query} />
    </FluentProvider>
  );
}
