import { FluentProvider, Menu, MenuList, MenuPopover, MenuTrigger, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { command, submenu } from './action';
import { ActionMenuItems } from './action-menu-items';

describe('ActionMenuItems', () => {
  it('keeps a submenu open when it is clicked after hovering opened it', async () => {
    const run = vi.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <Menu open>
          <MenuTrigger>
            <button type="button">Menu</button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <ActionMenuItems actions={[submenu('new', 'New', [command('new-package', 'Package', run)])]} onRun={(action) => action.run()} />
            </MenuList>
          </MenuPopover>
        </Menu>
      </FluentProvider>,
    );
    const item = screen.getByRole('menuitem', { name: 'New' });
    fireEvent.mouseMove(item);
    fireEvent.mouseOver(item);
    // Fluent opens a submenu after its hover delay.
    const packageItem = await screen.findByRole('menuitem', { name: 'Package' });
    expect(item.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(item);
    // Past the hover delay, so a submenu that was going to close has closed.
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    expect(item.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(packageItem);
    expect(run).toHaveBeenCalled();
  });
});
