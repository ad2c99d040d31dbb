import { describe, expect, it } from 'vitest';
import type { LogFileDto, StatusMessageDto } from '../../../core/api';
import { logOfMessage } from './message-log';

const log = (name: string, component: string | null): LogFileDto => ({ name, size: 10, modified: '2026-12-03T10:00:00.000Z', component, rotated: null });
const message = (extra: Partial<StatusMessageDto>): StatusMessageDto =>
  ({ recordId: 7, messageId: 2328, severity: 'error', type: 'milestone', moduleName: 'SMS Server', component: 'SMS_DISTRIBUTION_MANAGER', siteCode: 'A01', machine: 'SITE', time: '2026-12-03T09:30:00.000Z', processId: 4100, threadId: 5720, insertionStrings: [], attributes: {}, description: '', ...extra }) as StatusMessageDto;

describe("a message's log lines", () => {
  it("are in the log whose entries name the message's component, opened at its time and thread", () => {
    const logs = [log('offermgr.log', 'SMS_OFFER_MANAGER'), log('distmgr.log', 'SMS_DISTRIBUTION_MANAGER')];
    const found = logOfMessage(logs, message({}));
    expect(found?.name).toBe('distmgr.log');
    const params = new URLSearchParams(found!.href.slice(found!.href.indexOf('?')));
    expect(found!.href.startsWith('log-viewer.html?')).toBe(true);
    expect([params.getAll('log'), params.get('around'), params.get('thread')]).toEqual([['distmgr.log'], '2026-12-03T09:30:00.000Z', '5720']);
    expect(logOfMessage(logs, message({ component: 'sms_offer_manager', threadId: 0 }))?.href).toBe('log-viewer.html?log=offermgr.log&around=2026-12-03T09%3A30%3A00.000Z&thread=0');
  });

  it('are not at the site for a client, nor for a component with no log, nor before the logs are read', () => {
    const logs = [log('distmgr.log', 'SMS_DISTRIBUTION_MANAGER'), log('empty.log', null)];
    expect(logOfMessage(logs, message({ moduleName: 'SMS Client', component: 'Software Distribution' }))).toBeNull();
    expect(logOfMessage(logs, message({ component: 'SMS_INBOX_MANAGER' }))).toBeNull();
    expect(logOfMessage(null, message({}))).toBeNull();
  });
});
