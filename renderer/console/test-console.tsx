import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { connectConsole, CourierProvider } from '../client/courier-context';
import { fakeCourier, type FakeCourier } from '../client/fake-courier';
import { ConsoleShell } from '../shell/console-shell';
import { consoleRegistry } from './console-registry';
import { ConsoleStoresProvider, type ConsoleStores } from './console-stores';
import { createConsoleStores } from './create-console-stores';

/**
 * Renders UI as the console window does, over a fake site server: Fluent's theme, the client
 * and a fresh set of stores. `rendered.stores` are the stores the UI reads.
 */
export function renderWithCourier(ui: ReactNode, courier: FakeCourier = fakeCourier()): RenderResult & { readonly stores: ConsoleStores } {
  const connection = connectConsole(courier.bridge);
  const stores = createConsoleStores(connection.bridge);
  // A wrapper, so that `rerender` keeps the providers.
  const wrapper = ({ children }: { readonly children: ReactNode }) => (
    <FluentProvider theme={webLightTheme}>
      <CourierProvider connection={connection}>
        <ConsoleStoresProvider stores={stores}>{children}</ConsoleStoresProvider>
      </CourierProvider>
    </FluentProvider>
  );
  return Object.assign(render(ui, { wrapper }), { stores });
}

/** The whole console (every registered feature) over a fake site server. */
export function renderConsole(courier: FakeCourier): RenderResult & { readonly stores: ConsoleStores } {
  return renderWithCourier(<ConsoleShell registry={consoleRegistry} />, courier);
}
