import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CourierClient, PackageDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { NewPackageWizard } from './new-package-wizard';

const create = vi.fn<CourierClient['packages:create']>();

beforeEach(() => create.mockReset());

function renderWizard() {
  const onClose = vi.fn();
  const onCreated = vi.fn();
  renderWithCourier(<NewPackageWizard open onClose={onClose} onCreated={onCreated} />, fakeCourier({ 'packages:create': create }));
  return { onClose, onCreated, dialog: screen.getByRole('dialog', { name: 'New Package Wizard' }) };
}

const button = (name: string) => screen.getByRole('button', { name });
const heading = () => screen.getByRole('heading', { level: 3 }).textContent;

describe('New Package Wizard', () => {
  it('walks the wizard\'s pages, keeps values going back, and creates the package from Summary', async () => {
    const user = userEvent.setup();
    const { onCreated } = renderWizard();
    expect(heading()).toBe('General');
    expect((button('Next >') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Name is required.');

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Office 2007');
    await user.type(screen.getByRole('textbox', { name: 'Version' }), '12.0');
    await user.click(button('Next >'));
    expect(heading()).toBe('Data Source');
    await user.click(button('< Previous'));
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Office 2007');

    for (const page of ['Data Source', 'Data Access', 'Distribution Settings', 'Reporting', 'Security', 'Summary']) {
      await user.click(button('Next >'));
      expect(heading()).toBe(page);
    }
    expect(screen.getByText('Office 2007 12.0')).toBeTruthy();

    // The rail goes back, never forward.
    const rail = screen.getByRole('navigation', { name: 'Wizard pages' });
    expect(within(rail).queryByRole('button', { name: 'Confirmation' })).toBeNull();
    expect(within(rail).getByRole('button', { name: 'General' })).toBeTruthy();

    const pkg = { packageId: 'A0100001', name: 'Office 2007' } as PackageDto;
    create.mockResolvedValue({ ok: true, value: pkg });
    await user.click(button('Next >'));
    await waitFor(() => expect(heading()).toBe('Confirmation'));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ name: 'Office 2007', version: '12.0', sendingPriority: 'medium' }));
    expect(screen.getByText('The New Package Wizard completed successfully')).toBeTruthy();
    expect(screen.getByText('A0100001')).toBeTruthy();
    expect(onCreated).toHaveBeenCalledWith(pkg);
    expect((button('< Previous') as HTMLButtonElement).disabled).toBe(true);
    expect(button('Close')).toBeTruthy();
  });

  it('shows a failure with its field and goes back to the page that holds it', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Office');
    await user.click(button('Summary'));
    expect(heading()).toBe('Summary');
    create.mockResolvedValue({
      ok: false,
      error: { code: 'CONFLICT', message: 'A package named Office already exists.', field: 'name' },
    });
    await user.click(button('Next >'));
    await waitFor(() => expect(heading()).toBe('Confirmation'));
    expect(screen.getByText('The New Package Wizard did not complete')).toBeTruthy();
    expect(screen.getByText('A package named Office already exists.')).toBeTruthy();
    await user.click(button('Go to the General page'));
    expect(heading()).toBe('General');
    expect(screen.getByText('A package named Office already exists.')).toBeTruthy();
  });

  it('Cancel closes without creating', async () => {
    const user = userEvent.setup();
    const { onClose } = renderWizard();
    await user.click(button('Cancel'));
    expect(onClose).toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });

  // (Unmounting an open Fluent Dialog leaves the page aria-hidden in Chromium; jsdom does not
  // show that, so the Playwright walk-through covers it.)
  it('closes, and reopens from the defaults', async () => {
    const user = userEvent.setup();
    const page = (open: boolean) => (
      <>
        <button type="button">Outside</button>
        <NewPackageWizard open={open} onClose={() => undefined} />
      </>
    );
    const { rerender } = renderWithCourier(page(true));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Office');
    rerender(page(false));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    rerender(page(true));
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('');
  });
});
