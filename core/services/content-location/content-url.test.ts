import { describe, expect, it } from 'vitest';
import type { ContentServiceSettingsRecord } from '../../db/repositories/content-service-repository';
import { contentBaseUrl } from './content-url';

const settings = (over: Partial<ContentServiceSettingsRecord>): ContentServiceSettingsRecord => ({
  address: '127.0.0.1', port: 0, certificate: null, key: null, clientUrl: null, lastModified: null, ...over,
});
const nowhere = { url: null, since: null };

describe('the content service URL clients are given', () => {
  it('is the client URL when one is set, without its trailing slash', () => {
    expect(contentBaseUrl(settings({ clientUrl: 'http://site01.contoso.com:8080/' }), nowhere)('DP01')).toBe('http://site01.contoso.com:8080');
  });

  it("is the DP's server with the configured port, or the port the service took when it is 0", () => {
    expect(contentBaseUrl(settings({ port: 8080 }), { url: 'http://127.0.0.1:8080', since: null })('DP01')).toBe('http://DP01:8080');
    expect(contentBaseUrl(settings({ port: 0 }), { url: 'http://127.0.0.1:41234', since: null })('dp01.contoso.com')).toBe('http://dp01.contoso.com:41234');
    expect(contentBaseUrl(settings({ port: 0 }), { url: 'http://[::1]:41235', since: null })('DP01')).toBe('http://DP01:41235');
    // Not running and no port chosen: no port to give, the scheme's own.
    expect(contentBaseUrl(settings({ port: 0 }), nowhere)('DP01')).toBe('http://DP01');
  });

  it("speaks https with a certificate, and leaves out the scheme's own port", () => {
    expect(contentBaseUrl(settings({ port: 443, certificate: '/c.pem', key: '/k.pem' }), nowhere)('DP01')).toBe('https://DP01');
    expect(contentBaseUrl(settings({ port: 80 }), nowhere)('DP01')).toBe('http://DP01');
    expect(contentBaseUrl(settings({ port: 80, certificate: '/c.pem', key: '/k.pem' }), nowhere)('DP01')).toBe('https://DP01:80');
  });
});
