import { describe, expect, it } from 'vitest';
import { mpStatusMessageSchema } from '../../core/api/management-point';
import { maxStatusValueLength } from '../../core/api/status-messages';
import { advertisementMessage, insertionString } from './agent-messages';

const subject = { advertisementId: 'A0120000', packageId: 'A0100001', programName: 'Install' };

describe('status messages about an advertisement', () => {
  it('lays out the insertion strings alike and carries attributes 400 and 401', () => {
    expect(advertisementMessage(10006, subject, '1603', 'Fatal error')).toEqual({
      messageId: 10006,
      severity: 'error',
      component: 'Software Distribution',
      insertionStrings: ['A0120000', '1603', 'Fatal error', 'A0100001', 'Install'],
      attributes: { 400: 'A0100001', 401: 'A0120000' },
    });
    expect(advertisementMessage(10018, subject).severity).toBe('warning');
    expect(advertisementMessage(10002, subject).severity).toBe('info');
  });

  it('never makes a message the management point refuses, whatever text a reason carries', () => {
    const hostile = [
      'line\r\nbreak\ttab',
      'nul\u0000 bell\u0007 esc\u001b[31m del\u007f c1\u0085',
      'bidi \u202e reversed \u2066 isolate',
      'lone \ud800 high and \udc00 low, a pair 😀 kept',
      'sep\u2028\u2029',
      'x'.repeat(5000),
      '😀'.repeat(800),
    ];
    for (const text of hostile) {
      const message = { ...advertisementMessage(10006, subject, text, text), uid: 'u1', time: '2026-12-03T09:30:00Z' };
      const parsed = mpStatusMessageSchema.safeParse(message);
      expect(parsed.success, `${JSON.stringify(text.slice(0, 40))}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true);
      expect(insertionString(text).length).toBeLessThanOrEqual(maxStatusValueLength);
    }
    expect(insertionString('line\r\nbreak\ttab')).toBe('line\r\nbreak\ttab');
    expect(insertionString('a pair 😀 kept')).toBe('a pair 😀 kept');
    expect(insertionString('nul\u0000')).toBe('nul\ufffd');
  });
});
