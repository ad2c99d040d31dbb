import { FluentProvider, makeStaticStyles, makeStyles, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import type { CourierBridge } from '../../../core/api';
import { connectConsole, CourierProvider } from '../../client/courier-context';
import { useColorScheme } from '../../components/use-color-scheme';
import { consoleRegistry } from '../../console/console-registry';
import { ConsoleStoresProvider } from '../../console/console-stores';
import { createConsoleStores } from '../../console/create-console-stores';
import { ConsoleShell } from '../../shell/console-shell';

// Segoe UI first, as on Windows; then each platform's own UI font.
const fontFamilyBase =
  "'Segoe UI', 'Segoe UI Web (West European)', system-ui, -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

export const lightTheme: Theme = { ...webLightTheme, fontFamilyBase };
export const darkTheme: Theme = { ...webDarkTheme, fontFamilyBase };

// The console is a window, not a page: it fills the viewport and never scrolls as a whole (the
// Status Message Viewer's window too).
// The provider's height is set here rather than in its className: Fluent copies that className
// onto the portals of menus and dialogs, which must not become a second full-height layer.
export const useGlobalStyles = makeStaticStyles({
  'html, body, #root, #root > .fui-FluentProvider': {
    height: '100%',
    margin: 0,
    padding: 0,
    overflow: 'hidden',
  },
});

export const useSchemeStyles = makeStyles({
  light: {
    colorScheme: 'light',
  },
  dark: {
    colorScheme: 'dark',
  },
});

/**
 * The console window: its connection to the site and its stores, given to every component below,
 * in Fluent's light or dark theme, following the system setting live.
 */
export function ConsoleApp({ bridge }: { readonly bridge: CourierBridge }): ReactNode {
  useGlobalStyles();
  const styles = useSchemeStyles();
  const scheme = useColorScheme();
  const connection = useMemo(() => connectConsole(bridge), [bridge]);
  const stores = useMemo(() => createConsoleStores(connection.bridge), [connection]);
  return (
    <FluentProvider
      theme={scheme === 'dark' ? darkTheme : lightTheme}
      className={scheme === 'dark' ? styles.dark : styles.light}
      applyStylesToPortals
    >
      <CourierProvider connection={connection}>
        <ConsoleStoresProvider stores={stores}>
          <ConsoleShell registry={consoleRegistry} />
        </ConsoleStoresProvider>
      </CourierProvider>
    </FluentProvider>
  );
}
