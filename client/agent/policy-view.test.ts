import { describe, expect, it } from 'vitest';
import { offerBody } from '../../test/helpers/client-policy';
import { viewOf } from './policy-view';

const stored = (bodies: unknown[], windows: { collectionId: string; collectionName: string; name: string; token: string; durationMinutes: number }[] = []) => ({
  version: 1,
  receivedAt: '2026-12-01T00:00:00.000Z',
  bodies,
  maintenanceWindows: windows,
});

describe('the stored policy as the agent acts on it', () => {
  it('takes the machine\'s advertisement over the user\'s, sets aside a body it cannot read with what it can tell of it, and a window it cannot use', () => {
    const viewer = offerBody();
    const other = offerBody({ advertisement: { advertisementId: 'A0120001', name: 'Other' } });
    const broken = { ...offerBody({ advertisement: { advertisementId: 'A0120002' } }), formatVersion: 2 };
    const view = viewOf({
      machine: stored([viewer, broken], [{ collectionId: 'A0100020', collectionName: 'Lab', name: 'Nights', token: '00012CC0001A2000', durationMinutes: 120 }]),
      user: { ...stored([viewer, other], [{ collectionId: 'A0100021', collectionName: 'People', name: 'Bad', token: 'XYZ', durationMinutes: 60 }]), user: 'CONTOSO\\ann' },
      advertisements: {},
    });
    expect(view.advertisements.map((a) => [a.body.advertisement.advertisementId, a.scope])).toEqual([
      ['A0120000', 'machine'],
      ['A0120001', 'user'],
    ]);
    expect(view.refused).toEqual([{ scope: 'machine', advertisementId: 'A0120002', packageId: 'A0100001', programName: 'Install', reason: expect.stringMatching(/formatVersion 1/) }]);
    expect(view.maintenanceWindows).toEqual([{ collectionId: 'A0100020', name: 'Nights', token: '00012CC0001A2000', durationMinutes: 120 }]);
    expect(view.refusedWindows).toEqual([expect.stringMatching(/^Maintenance window "Bad" of A0100021 is not used: /)]);
  });

  it('reads the package fields the run needs from the body as sent, and nothing hostile from a body that is not an object', () => {
    const body = { ...offerBody(), package: { ...offerBody().package, publisher: 'Contoso', version: '2.1', persistInClientCache: true } };
    const [read] = viewOf({ machine: stored([body]), user: null, advertisements: {} }).advertisements;
    expect(read).toMatchObject({ persist: true, mifPackage: { name: 'Viewer', manufacturer: 'Contoso', version: '2.1', mifName: '' } });
    // The MIF fields count only with "Use these fields for status MIF matching"; a body of an older site has none.
    const stray = { ...body, package: { ...body.package, mifName: 'Other', mifFileName: 'OTHER' } };
    expect(viewOf({ machine: stored([stray]), user: null, advertisements: {} }).advertisements[0]?.mifPackage).toEqual({ name: 'Viewer', manufacturer: 'Contoso', version: '2.1', mifName: '', mifPublisher: '', mifVersion: '' });
    const custom = { ...body, package: { ...body.package, mifMatching: 'customFields', mifName: 'Contoso Viewer', mifPublisher: 'Contoso Ltd', mifVersion: '', mifFileName: ' VIEWER ' } };
    expect(viewOf({ machine: stored([custom]), user: null, advertisements: {} }).advertisements[0]?.mifPackage).toEqual({ name: 'Viewer', manufacturer: 'Contoso', version: '2.1', mifName: 'Contoso Viewer', mifPublisher: 'Contoso Ltd', mifVersion: '', mifFileName: 'VIEWER' });
    const odd = viewOf({ machine: stored([null, 'text', 42, { advertisement: { advertisementId: 'x'.repeat(10_000) } }]), user: null, advertisements: {} });
    expect(odd.advertisements).toEqual([]);
    expect(odd.refused.map((r) => r.advertisementId)).toEqual([null, null, null, null]);
  });
});
