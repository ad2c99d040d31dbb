import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkRequestSource, isLoopbackHost, urlAuthority } from './request-guards';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('request source checks', () => {
  it('accepts the console talking to itself, under any loopback name', () => {
    for (const host of ['127.0.0.1:4817', 'localhost:4817', '[::1]:4817']) {
      expect(checkRequestSource(request({ host, origin: `http://${host}` }), '127.0.0.1').ok).toBe(true);
      expect(checkRequestSource(request({ host }), '127.0.0.1').ok).toBe(true);
    }
  });

  it('refuses another origin, and "null"', () => {
    expect(checkRequestSource(request({ host: '127.0.0.1:4817', origin: 'http://evil.example' }), '127.0.0.1').ok).toBe(false);
    expect(checkRequestSource(request({ host: '127.0.0.1:4817', origin: 'null' }), '127.0.0.1').ok).toBe(false);
  });

  it('refuses a non-loopback Host on a loopback bind (DNS rebinding), but not on a wider bind', () => {
    expect(checkRequestSource(request({ host: 'evil.example:4817', origin: 'http://evil.example:4817' }), '127.0.0.1').ok).toBe(false);
    expect(checkRequestSource(request({ host: 'siteserver:4817', origin: 'http://siteserver:4817' }), '0.0.0.0').ok).toBe(true);
  });

  it('knows the loopback and writes IPv6 authorities in brackets', () => {
    expect(isLoopbackHost('127.0.0.2')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(urlAuthority('::1', 80)).toBe('[::1]:80');
    expect(urlAuthority('127.0.0.1', 80)).toBe('127.0.0.1:80');
  });
});
