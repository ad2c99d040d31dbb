import { describe, expect, it } from 'vitest';
import { parseRequestPath } from './request-path';

describe('content request paths', () => {
  it('splits the share, the segments and a trailing slash, decoding each segment once', () => {
    expect(parseRequestPath('/SMS_DP_SMSPKGD$/A0100001/')).toEqual({ ok: true, share: 'SMSPKGD$', segments: ['A0100001'], trailingSlash: true });
    expect(parseRequestPath('/sms_dp_Apps/Office/2007/Data/Sub%20Folder/read%25me.txt?x=1')).toEqual({
      ok: true, share: 'Apps', segments: ['Office', '2007', 'Data', 'Sub Folder', 'read%me.txt'], trailingSlash: false,
    });
    // %252e decodes once, to the name "%2e", which is not a dot segment.
    expect(parseRequestPath('/SMS_DP_S/A/%252e%252e')).toMatchObject({ ok: true, segments: ['A', '%2e%2e'] });
  });

  it.each([
    ['/SMS_DP_S/A/../B', /dot segment/],
    ['/SMS_DP_S/A/%2e%2e/B', /dot segment/],
    ['/SMS_DP_S/A/%2E/B', /dot segment/],
    ['/SMS_DP_S/A/a%2fb', /slash/],
    ['/SMS_DP_S/A/a%5cb', /backslash/],
    ['/SMS_DP_S/A/a\\b', /backslash/],
    ['/SMS_DP_S/A/a%00b', /control/],
    ['/SMS_DP_S/A/a%0d%0ab', /control/],
    ['/SMS_DP_S/A/a%7Fb', /control/],
    ['/SMS_DP_S/A//b', /empty segment/],
    ['/SMS_DP_S/A/%ff', /not valid percent-encoded UTF-8/],
    ['/SMS_DP_S/A/%zz', /not valid percent-encoded UTF-8/],
    ['http://dp01/SMS_DP_S/A/', /starts with \//],
    ['*', /starts with \//],
    [`/SMS_DP_S/${'a'.repeat(40_000)}`, /at most/],
  ])('refuses %s with 400', (target, problem) => {
    const parsed = parseRequestPath(target);
    expect(parsed).toMatchObject({ ok: false, status: 400 });
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('answers 404 for what is not under an SMS_DP_ share', () => {
    expect(parseRequestPath('/')).toMatchObject({ ok: false, status: 404 });
    expect(parseRequestPath('/SMS_DP_')).toMatchObject({ ok: false, status: 404 });
    expect(parseRequestPath('/SMSPKGD$/A0100001/')).toMatchObject({ ok: false, status: 404 });
  });
});
