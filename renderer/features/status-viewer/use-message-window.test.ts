import { describe, expect, it } from 'vitest';
import { allViewerColumns, columnsFor } from './message-grid';
import { mayConcern } from './use-message-window';

const event = { newestRecordId: 10, packageIds: ['A0100001'], components: ['SMS_DISTRIBUTION_MANAGER'] };

describe('live updates', () => {
  it('read again only for an event with newer messages that can match the package and component', () => {
    expect(mayConcern(event, { packageId: 'a0100001' }, 9)).toBe(true);
    expect(mayConcern(event, { packageId: 'A0100001' }, 10)).toBe(false);
    expect(mayConcern(event, { packageId: 'A0100002' }, 0)).toBe(false);
    expect(mayConcern(event, { component: 'sms_distribution_manager' }, 0)).toBe(true);
    expect(mayConcern(event, { component: 'SMS_OFFER_MANAGER' }, 0)).toBe(false);
    // An advertisement's or a machine's messages are not named by the event: it is read for.
    expect(mayConcern(event, { advertisementId: 'A0120000', machine: 'PC01' }, 0)).toBe(true);
  });
});

describe('the columns', () => {
  it('leave out Type, Site code, Process ID and Thread ID below 1200 pixels, so the description has room at 1024', () => {
    expect(columnsFor(1024).map((c) => c.label)).toEqual(['Severity', 'Date / Time', 'System', 'Component', 'Message ID', 'Description']);
    expect(columnsFor(1280)).toEqual(allViewerColumns);
    expect(columnsFor(null)).toEqual(allViewerColumns);
  });
});
