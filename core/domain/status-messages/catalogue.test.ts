import { describe, expect, it } from 'vitest';
import { componentMessages, createStatusCatalogue, statusCatalogue, substituteInsertionStrings, distributionManagerMessages } from '.';

describe('insertion strings', () => {
  it('replace %1 … %10, %10 being the tenth and not %1 followed by 0', () => {
    const strings = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    expect(substituteInsertionStrings('%1|%2|%9|%10|%1%0', strings)).toBe('one|two|nine|ten|one%0');
  });

  it('leave a missing string empty and text without markers alone', () => {
    expect(substituteInsertionStrings('Package "%1" (%2) on %3.', ['Office'])).toBe('Package "Office" () on .');
    expect(substituteInsertionStrings('100% done', ['x'])).toBe('100% done');
  });

  it('are put in as given, a % in a string not read as a marker', () => {
    expect(substituteInsertionStrings('%1 and %2', ['50%1', 'b'])).toBe('50%1 and b');
  });
});

describe("Distribution Manager's messages", () => {
  const required = [2300, 2301, 2302, 2303, 2304, 2306, 2307, 2310, 2311, 2312, 2323, 2324, 2328, 2329, 2330, 2332, 2342, 2343, 2344];

  it('hold every ID the Distribution Manager reports, each with a severity and a text', () => {
    for (const id of required) {
      const found = statusCatalogue.find('SMS_DISTRIBUTION_MANAGER', id);
      expect(found, `message ${id}`).not.toBeNull();
      expect(['info', 'warning', 'error']).toContain(found?.severity);
    }
    expect(statusCatalogue.find('SMS_DISTRIBUTION_MANAGER', 2330)?.severity).toBe('info');
    expect(statusCatalogue.find('SMS_DISTRIBUTION_MANAGER', 2302)?.severity).toBe('error');
  });

  it('name one insertion string for every marker their text uses', () => {
    for (const message of componentMessages.flatMap((component) => component.messages)) {
      const markers = [...message.text.matchAll(/%(10|[1-9])/g)].map((match) => Number(match[1]));
      expect(Math.max(0, ...markers), `message ${message.id}`).toBe(message.strings.length);
    }
  });

  it('describe a message with its strings in place', () => {
    expect(statusCatalogue.describe('SMS_DISTRIBUTION_MANAGER', 2301, ['Office 2007', 'A0100001'])).toBe(
      'Distribution Manager successfully processed package "Office 2007" (package ID = A0100001).',
    );
    expect(statusCatalogue.describe('sms_distribution_manager', 2330, ['A0100001', '\\\\DP01\\SMSPKGD$'])).toBe(
      'Distribution Manager successfully distributed package A0100001 to distribution point \\\\DP01\\SMSPKGD$.',
    );
  });
});

describe('an ID the catalogue does not hold', () => {
  it('gets a description that says so, with the component and its strings', () => {
    expect(statusCatalogue.describe('SMS_POLICY_PROVIDER', 5100, ['A0120001', ''])).toBe(
      'Message ID 5100 from SMS_POLICY_PROVIDER has no description in this site\'s message catalogue. Its insertion strings: "A0120001".',
    );
    expect(statusCatalogue.describe('SMS_FOO', 1, [])).toMatch(/Message ID 1 from SMS_FOO has no description .* It has no insertion strings\.$/);
  });

  it('is looked up by component first: the same number may mean another thing elsewhere', () => {
    const catalogue = createStatusCatalogue([
      distributionManagerMessages,
      { component: 'SMS_OTHER', messages: [{ id: 2303, severity: 'warning', type: 'detail', text: 'Other %1', strings: ['x'], attributes: [], origin: 'courier' }] },
    ]);
    expect(catalogue.describe('SMS_OTHER', 2303, ['y'])).toBe('Other y');
    expect(catalogue.find('SMS_DISTRIBUTION_MANAGER', 2303)?.origin).toBe('courier');
    // Used by two components: another name finds neither.
    expect(catalogue.find('SMS_THIRD', 2303)).toBeNull();
    // Used by one: found under another name for that component.
    expect(catalogue.find('SMS_THIRD', 2330)?.id).toBe(2330);
  });

  it('refuses a component that defines an ID twice', () => {
    const twice = { id: 1, severity: 'info', type: 'detail', text: '', strings: [], attributes: [], origin: 'courier' } as const;
    expect(() => createStatusCatalogue([{ component: 'SMS_X', messages: [twice, twice] }])).toThrow('SMS_X defines message 1 twice.');
  });
});
