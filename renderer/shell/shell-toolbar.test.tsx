import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SendRegular, SettingsRegular } from '@fluentui/react-icons';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { command, type Action } from '../components/action-menu';
import { ShellToolbar } from './shell-toolbar';

function renderToolbar(actions: readonly Action[]) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ShellToolbar
        canGoBack={false}
        canGoForward={false}
        canGoUp={false}
        onBack={() => undefined}
        onForward={() => undefined}
        onUp={() => undefined}
        actions={actions}
        showTree
        showActionsPane
        onShowTree={() => undefined}
        onShowActionsPane={() => undefined}
      />
    </FluentProvider>,
  );
  return screen.getByRole('toolbar', { name: 'Standard' });
}

describe('ShellToolbar', () => {
  it('enables the standard buttons the selection\'s actions have, and adds the commands a feature marks for the toolbar', () => {
    const distribute = vi.fn();
    const toolbar = renderToolbar([
      command('properties', 'Properties', () => undefined, { icon: SettingsRegular }),
      command('distribute', 'Distribute Software', distribute, { icon: SendRegular, toolbar: true }),
    ]);
    const enabled = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-disabled') !== 'true';
    expect(enabled('Properties')).toBe(true);
    expect(enabled('Delete (Del)')).toBe(false);
    expect(toolbar.contains(screen.getByRole('button', { name: 'Distribute Software' }))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Distribute Software' }));
    expect(distribute).toHaveBeenCalled();
  });
});
