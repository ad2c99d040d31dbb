import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CollectionPreviewDto, CourierClient } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { NewCollectionWizard } from './new-collection-wizard';
import { testCollection, testMember } from './test-collections';

type Preview = Parameters<CourierClient['collections:preview']>[0];

describe('NewCollectionWizard', () => {
  it('refuses a query the site server cannot run in the Query Rule dialog, keeps a good one in the draft, previews it, and creates under the parent', async () => {
    const previews: Preview[] = [];
    const creates: Parameters<CourierClient['collections:create']>[0][] = [];
    const members = [testMember(16777217, 'PC-XP-01'), testMember(16777218, 'PC-XP-02')];
    const courier = fakeCourier({
      'collections:list': async () => ({ ok: true, value: [] }),
      'collections:preview': async (request) => {
        previews.push(request);
        const rules = request.rules ?? [];
        const query = rules.find((r) => r.kind === 'query');
        if (query?.kind === 'query' && query.query.includes('Nmae')) {
          return { ok: false, error: { code: 'VALIDATION_FAILED', field: 'rules.0.query', message: 'The query rule cannot be used. Line 1, column 34: Nmae is not a property of SMS_R_System.' } };
        }
        const value: CollectionPreviewDto = rules.length === 0 ? { memberCount: 0, members: [] } : { memberCount: 2, members: members.slice(0, request.limit ?? 50) };
        return { ok: true, value };
      },
      'collections:create': async (request) => {
        creates.push(request);
        return { ok: true, value: testCollection('A0100011', request.name, { memberCount: 2, parentCollectionId: 'A0100010' }) };
      },
    });
    renderWithCourier(<NewCollectionWizard open parentCollectionId="A0100010" onClose={() => undefined} />, courier);
    const user = userEvent.setup();
    const wizard = screen.getByRole('dialog', { name: 'New Collection Wizard' });
    expect(wizard.textContent).toContain('created as a subcollection of A0100010');
    await user.type(within(wizard).getByRole('textbox', { name: 'Name' }), 'XP');
    await user.click(within(wizard).getByRole('button', { name: 'Next >' }));

    await user.click(within(wizard).getByRole('button', { name: 'New Query Rule…' }));
    const rule = await screen.findByRole('dialog', { name: 'Query Rule Properties' });
    const query = within(rule).getByRole('textbox', { name: 'Query (WQL)' });
    await user.clear(query);
    await user.type(query, 'select * from SMS_R_System where Nmae = "x"');
    await user.click(within(rule).getByRole('button', { name: 'OK' }));
    expect(await within(rule).findByText('Line 1, column 34')).toBeTruthy();
    expect(within(rule).getAllByRole('alert').some((alert) => alert.textContent?.includes('Nmae is not a property'))).toBe(true);
    // Nothing went into the draft.
    expect(within(wizard).getByText(/No membership rules yet/)).toBeTruthy();

    await user.clear(query);
    await user.type(query, 'select * from SMS_R_System where Name like "PC-XP%"');
    await user.click(within(rule).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Query Rule Properties' })).toBeNull());
    expect(within(within(wizard).getByRole('table', { name: 'Membership rules' })).getByText('Query 1')).toBeTruthy();
    expect((await within(wizard).findByRole('status', { name: 'Preview count' })).textContent).toBe('2 members.');
    expect(previews.at(-1)).toMatchObject({ limit: 50, rules: [{ kind: 'query', name: 'Query 1' }] });

    await user.click(within(wizard).getByRole('button', { name: 'Summary' }));
    await user.click(within(wizard).getByRole('button', { name: 'Next >' }));
    expect(await within(wizard).findByText('The New Collection Wizard completed successfully')).toBeTruthy();
    expect(creates).toEqual([{ name: 'XP', comment: '', rules: [{ kind: 'query', name: 'Query 1', query: 'select * from SMS_R_System where Name like "PC-XP%"' }], membershipSchedule: null, parentCollectionId: 'A0100010' }]);
  });
});
