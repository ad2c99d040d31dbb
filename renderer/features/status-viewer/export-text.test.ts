import { describe, expect, it } from 'vitest';
import type { StatusMessageDto } from '../../../core/api';
import { cellOf, lineOf } from './export-text';
import { copyText, messageLine } from './message-fields';

const message: StatusMessageDto = {
  recordId: 7,
  messageId: 2328,
  severity: 'error',
  type: 'milestone',
  moduleName: 'SMS Server',
  component: 'SMS_DISTRIBUTION_MANAGER',
  siteCode: 'A01',
  machine: 'SITE01',
  time: '2026-12-01T08:30:00.000Z',
  processId: 412,
  threadId: 3,
  insertionStrings: ['A0100001', 'DP01'],
  attributes: { '400': 'A0100001' },
  description: 'Failed to copy "A0100001", to DP01:\n\tdisk full',
};

describe('CSV and TSV cells', () => {
  it('leaves plain text alone', () => {
    expect(cellOf('SMS_DISTRIBUTION_MANAGER', 'csv')).toBe('SMS_DISTRIBUTION_MANAGER');
    expect(cellOf('a, b', 'tsv')).toBe('a, b');
  });

  it('quotes a cell holding the separator, a quote or a line break, doubling its quotes', () => {
    expect(cellOf('a, b', 'csv')).toBe('"a, b"');
    expect(cellOf('a\tb', 'tsv')).toBe('"a\tb"');
    expect(cellOf('say "hi"', 'csv')).toBe('"say ""hi"""');
    expect(cellOf('say "hi"', 'tsv')).toBe('"say ""hi"""');
    expect(cellOf('one\ntwo', 'tsv')).toBe('"one\ntwo"');
    expect(cellOf('one\r\ntwo', 'csv')).toBe('"one\r\ntwo"');
  });

  it('keeps a cell that a spreadsheet would run as a formula as text', () => {
    for (const start of ['=', '+', '-', '@']) expect(cellOf(`${start}HYPERLINK("x")`, 'csv')).toBe(`"'${start}HYPERLINK(""x"")"`);
    expect(cellOf('=1+1', 'tsv')).toBe("'=1+1");
    expect(cellOf('\t=1', 'csv')).toBe("'\t=1");
    expect(cellOf('a=1', 'csv')).toBe('a=1');
  });

  it('ends each line with CRLF', () => {
    expect(lineOf(['a', 'b'], 'csv')).toBe('a,b\r\n');
    expect(lineOf(['a', 'b'], 'tsv')).toBe('a\tb\r\n');
  });
});

describe('a message as text', () => {
  it('writes every column, the time in UTC', () => {
    expect(messageLine(message, 'csv')).toBe(
      'Error,Milestone,A01,2026-12-01T08:30:00.000Z,SITE01,SMS_DISTRIBUTION_MANAGER,2328,"Failed to copy ""A0100001"", to DP01:\n\tdisk full",412,3\r\n',
    );
  });

  it('copies the selection as TSV with a header line', () => {
    const lines = copyText([message, { ...message, recordId: 8, description: 'plain' }]).split('\r\n');
    expect(lines[0]).toBe('Severity\tType\tSite code\tDate / Time (UTC)\tSystem\tComponent\tMessage ID\tDescription\tProcess ID\tThread ID');
    expect(lines.at(-2)).toBe('Error\tMilestone\tA01\t2026-12-01T08:30:00.000Z\tSITE01\tSMS_DISTRIBUTION_MANAGER\t2328\tplain\t412\t3');
  });
});
