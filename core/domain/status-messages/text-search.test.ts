import { describe, expect, it } from 'vitest';
import { componentMessages, statusCatalogue } from '.';
import { planTextSearch, searchFold } from './text-search';

const keys = componentMessages.flatMap(({ component, messages }) => messages.map((m) => ({ component, messageId: m.id })));
const key = (messageId: number) => keys.find((k) => k.messageId === messageId)!;

describe('planning a status message text search', () => {
  it('answers words of a template from the catalogue alone, and words of a string from the index alone', () => {
    const words = planTextSearch(statusCatalogue, keys, 'Successfully DISTRIBUTED');
    expect(words.sure).toEqual([key(2330)]);
    expect(words.verify).toEqual([]);
    expect(words.everything).toBe(false);

    // The bench's searches: nothing to describe but what the index finds.
    for (const text of ['access is denied', 'no such words']) {
      const plan = planTextSearch(statusCatalogue, keys, text);
      expect(plan, text).toMatchObject({ everything: false, sure: [], verify: [], short: [], phrases: [text] });
    }
  });

  it('looks up the part in the string when words cross from a template into it', () => {
    // "… package %1 to distribution point %2": the words end the fixed text and begin %1.
    const plan = planTextSearch(statusCatalogue, keys, 'Package A0100001');
    expect(plan.verify).toEqual([]);
    expect(plan.phrases).toContain('a0100001');
    expect(plan.short).toEqual([]);
    // Into a string and past it: the string may be as short as the words leave it.
    const across = planTextSearch(statusCatalogue, keys, 'package x to distribution');
    expect(across.phrases).toContain('x to distribution');
    expect(across.short).toContainEqual({ key: key(2330), column: 0, maxLength: 1 });
  });

  it('describes every message it cannot decide: words shorter than a trigram, an unknown ID whose text they touch', () => {
    const short = planTextSearch(statusCatalogue, keys, 'zq');
    expect(short.everything).toBe(true);
    expect(short.verify).toHaveLength(keys.length);
    const unknown = planTextSearch(statusCatalogue, [{ component: 'SMS_CUSTOM', messageId: 7 }], 'from sms_custom');
    expect(unknown.verify).toEqual([{ component: 'SMS_CUSTOM', messageId: 7 }]);
    expect(planTextSearch(statusCatalogue, [{ component: 'SMS_CUSTOM', messageId: 7 }], 'A0100001').verify).toEqual([]);
  });

  it('folds final sigma as sigma, so a string folds as it does inside its description', () => {
    expect(searchFold('ΟΔΟΣ')).toBe('οδοσ');
    expect(searchFold('ΟΔΟΣ ΟΔΟΣ')).toBe(searchFold('ΟΔΟΣ') + ' ' + searchFold('ΟΔΟΣ'));
  });
});
