import { describe, expect, it } from 'vitest';
import { definitionProblems, plainProblem } from './definition-problems';

describe('definition problems in plain words', () => {
  it('says the line and section first, then what is wrong', () => {
    expect(plainProblem('[Package Definition] Name (line 5): required, but empty')).toBe(
      'Line 5, in the [Package Definition] section: Name is required, but empty.',
    );
    expect(plainProblem('[INSTALL] CommandLine: missing')).toBe('In the [INSTALL] section: CommandLine: missing.');
  });

  it('keeps messages it does not recognise', () => {
    expect(plainProblem('This is not a Windows Installer file: it is not an OLE compound file.')).toBe(
      'This is not a Windows Installer file: it is not an OLE compound file.',
    );
  });

  it('lists every problem the site server found', () => {
    expect(
      definitionProblems({
        code: 'VALIDATION_FAILED',
        message: '[Package Definition] Name (line 5): required, but empty (and 1 more problem)',
        issues: [
          { field: '[Package Definition].Name', message: '[Package Definition] Name (line 5): required, but empty' },
          { field: '[INSTALL].CommandLine', message: '[INSTALL] CommandLine (line 14): required, but empty' },
        ],
      }),
    ).toEqual([
      'Line 5, in the [Package Definition] section: Name is required, but empty.',
      'Line 14, in the [INSTALL] section: CommandLine is required, but empty.',
    ]);
    expect(definitionProblems({ code: 'NOT_FOUND', message: 'There is no file /x.sms.' })).toEqual(['There is no file /x.sms.']);
  });
});
