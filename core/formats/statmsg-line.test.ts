import { describe, expect, it } from 'vitest';
import { formatGmtDate, formatStatMsgLine } from './statmsg-line';
import { formatTraceLine } from './trace-log';

describe('STATMSG lines', () => {
  const fields = {
    messageId: 2300,
    severity: 'info',
    type: 'milestone',
    moduleName: 'SMS Server',
    component: 'SMS_DISTRIBUTION_MANAGER',
    machine: 'SRV01',
    siteCode: 'A01',
    processId: 4604,
    threadId: 5720,
    time: new Date(Date.UTC(2008, 5, 13, 22, 36, 47, 610)),
    insertionStrings: ['Contoso Viewer', 'A010001E'],
    attributes: [[400, 'A010001E']],
  } as const;

  it('are the suite\'s form: ten ISTRs, the attribute count and numbered pairs', () => {
    expect(formatStatMsgLine(fields)).toBe(
      'STATMSG: ID=2300 SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=SRV01 SITE=A01 PID=4604 TID=5720 ' +
        'GMTDATE=Fri Jun 13 22:36:47.610 2008 ISTR0="Contoso Viewer" ISTR1="A010001E" ISTR2="" ISTR3="" ISTR4="" ISTR5="" ISTR6="" ' +
        'ISTR7="" ISTR8="" ISTR9="" NUMATTRS=1 AID0=400 AVAL0="A010001E"',
    );
  });

  it('carry the severity and level letters and every attribute', () => {
    const line = formatStatMsgLine({
      ...fields,
      severity: 'error',
      type: 'detail',
      attributes: [
        [400, 'A0100001'],
        [404, '["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\'],
      ],
    });
    expect(line).toContain(' SEV=E LEV=D ');
    expect(line).toMatch(/ NUMATTRS=2 AID0=400 AVAL0="A0100001" AID1=404 AVAL1="\["Display=\\\\DP01\\"\]MSWNET:\["SMS_SITE=A01"\]\\\\DP01\\"$/);
    expect(formatStatMsgLine({ ...fields, severity: 'warning', type: 'audit', attributes: [] })).toMatch(/ SEV=W LEV=A .* NUMATTRS=0$/);
  });

  it('write GMTDATE in UTC whatever the local zone, with two-digit days', () => {
    expect(formatGmtDate(new Date(Date.UTC(2026, 0, 4, 3, 5, 9, 7)))).toBe('Sun Jan 04 03:05:09.007 2026');
  });

  it('become one trace line in the component log, a line break in a string made a space', () => {
    const line = formatStatMsgLine({ ...fields, insertionStrings: ['two\r\nlines'] });
    const trace = formatTraceLine(line, 'SMS_DISTRIBUTION_MANAGER', fields.time, 4604);
    expect(trace).not.toMatch(/[\r\n]/);
    expect(trace).toMatch(/^STATMSG: ID=2300 .* ISTR0="two lines" .*~ {2}\$\$<SMS_DISTRIBUTION_MANAGER><06-1[34]-2008 /);
  });
});
