import { describe, expect, it } from 'vitest';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { weeknights } from '../../test/helpers/client-policy';
import { clientMaintenanceWindowsSchema, windowMinutes } from './context';

const firstIssue = (input: unknown) => {
  const parsed = clientMaintenanceWindowsSchema.safeParse(input);
  if (parsed.success) throw new Error('accepted');
  const issue = parsed.error.issues[0];
  return { path: issue?.path.join('.'), message: issue?.message };
};

describe('the maintenance windows the management point sends', () => {
  it("takes a window's duration from its token, or from durationMinutes when given", () => {
    const [monday] = weeknights.match(/.{16}/g) ?? [];
    const token = encodeScheduleToken({ type: 'weekly', start: '2026-11-30T22:00', day: 2 });
    const windows = clientMaintenanceWindowsSchema.parse([
      { collectionId: 'A0100020', name: 'Monday night', token: monday },
      { collectionId: 'a0100021', name: 'Courier window', token, durationMinutes: 90, extra: 'ignored' },
    ]);
    expect(windows.map(windowMinutes)).toEqual([420, 90]);
    expect(windows[1]?.collectionId).toBe('A0100021');
  });

  it('refuses a token that is no schedule, a window without a duration, and a bad collection, by field', () => {
    expect(firstIssue([{ collectionId: 'A0100020', name: 'Night', token: 'FFFFFFFFFFFFFFFF' }])).toMatchObject({ path: '0.token', message: expect.stringMatching(/^Schedule token "FFFFFFFFFFFFFFFF"/) });
    const noLength = encodeScheduleToken({ type: 'interval', start: '2026-12-01T22:00', daySpan: 1 });
    expect(firstIssue([{ collectionId: 'A0100020', name: 'Night', token: noLength }])).toEqual({ path: '0.durationMinutes', message: 'The window has no duration: neither its token nor durationMinutes gives one.' });
    expect(firstIssue([{ collectionId: 'A0100020', name: 'Night', token: noLength, durationMinutes: 0 }]).path).toBe('0.durationMinutes');
    expect(firstIssue([{ collectionId: '../A01', name: 'Night', token: noLength, durationMinutes: 60 }]).path).toBe('0.collectionId');
    expect(firstIssue([{ collectionId: 'A0100020', name: '', token: noLength, durationMinutes: 60 }]).path).toBe('0.name');
  });
});
