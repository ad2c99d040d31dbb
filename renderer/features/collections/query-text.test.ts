import { describe, expect, it } from 'vitest';
import { placeInTyped, queryToSend, refusalInTyped } from './query-text';

const typed = 'select * from SMS_R_System\nwhere\tName lik "PC%"';

describe('a multi-line query box over a one-line contract', () => {
  it('sends each line break and tab as one space, so every character keeps its offset', () => {
    const sent = queryToSend(typed);
    expect(sent).toBe('select * from SMS_R_System where Name lik "PC%"');
    expect(sent.length).toBe(typed.length);
  });

  it('puts a refusal\'s column on the sent line back on the line it was typed on', () => {
    const column = queryToSend(typed).indexOf('lik') + 1;
    expect(placeInTyped(typed, column)).toEqual({ line: 2, column: 12 });
    expect(placeInTyped(typed, 1)).toEqual({ line: 1, column: 1 });
    expect(refusalInTyped(`The query rule cannot be used. Line 1, column ${column}: expected an operator.`, typed)).toBe('The query rule cannot be used. Line 2, column 12: expected an operator.');
  });

  it('leaves a one-line query\'s refusal as the core said it', () => {
    expect(refusalInTyped('Line 1, column 15: "Win32_Process" is not a class here.', 'select * from Win32_Process')).toBe('Line 1, column 15: "Win32_Process" is not a class here.');
  });
});
