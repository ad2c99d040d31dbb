import { describe, expect, it } from 'vitest';
import { ipv4Value, parseBoundary, parseBoundarySpec } from './boundaries';

describe('boundaries of a protected distribution point', () => {
  it('normalizes IP subnets, IP ranges and AD site names', () => {
    expect(parseBoundary('ipSubnet', ' 10.1.0.0/16 ')).toEqual({ ok: true, value: '10.1.0.0/16' });
    expect(parseBoundary('ipSubnet', '0.0.0.0/0')).toEqual({ ok: true, value: '0.0.0.0/0' });
    expect(parseBoundary('ipSubnet', '192.168.1.7/32')).toEqual({ ok: true, value: '192.168.1.7/32' });
    expect(parseBoundary('ipRange', '10.0.0.1 - 10.0.0.1')).toEqual({ ok: true, value: '10.0.0.1-10.0.0.1' });
    expect(parseBoundary('adSite', 'Default-First-Site-Name')).toEqual({ ok: true, value: 'Default-First-Site-Name' });
  });

  it('refuses what is not one, saying why', () => {
    const refused: [Parameters<typeof parseBoundary>, RegExp][] = [
      [['ipSubnet', '10.1.0.0'], /CIDR form/],
      [['ipSubnet', '10.1.0.0/16/8'], /CIDR form/],
      [['ipSubnet', '10.1.0.0/'], /0 to 32/],
      [['ipSubnet', '10.1.0.0/-1'], /0 to 32/],
      [['ipSubnet', '10.1.0.0/1e1'], /0 to 32/],
      [['ipSubnet', '10.1.0.1/24'], /host bits set: the network of a \/24 subnet is 10\.1\.0\.0\/24/],
      [['ipSubnet', '010.1.0.0/16'], /not an IPv4 address/],
      [['ipSubnet', '10.1.0/16'], /not an IPv4 address/],
      [['ipRange', '10.0.0.1'], /low-high/],
      [['ipRange', '10.0.0.5-10.0.0.1'], /ends before it starts/],
      [['ipRange', '10.0.0.1-10.0.0.x'], /end of the range/],
      [['ipRange', '::1-::2'], /start of the range/],
      [['adSite', ''], /Give the Active Directory site name/],
      [['adSite', '-HQ'], /start or end with a hyphen/],
      [['adSite', 'HQ "main"'], /letters, digits and hyphens/],
      [['adSite', 'a'.repeat(64)], /at most 63/],
      [['adSite', 'a'.repeat(300)], /at most 64 characters \(300 given\)/],
    ];
    for (const [args, message] of refused) expect(parseBoundary(...args), args.join(' ')).toEqual({ ok: false, problem: expect.stringMatching(message) });
  });

  it('reads the CLI forms', () => {
    expect(parseBoundarySpec('subnet:10.1.0.0/16')).toEqual({ ok: true, boundary: { kind: 'ipSubnet', value: '10.1.0.0/16' } });
    expect(parseBoundarySpec('RANGE:10.0.0.1-10.0.0.9')).toEqual({ ok: true, boundary: { kind: 'ipRange', value: '10.0.0.1-10.0.0.9' } });
    expect(parseBoundarySpec('adsite:HQ')).toEqual({ ok: true, boundary: { kind: 'adSite', value: 'HQ' } });
    expect(parseBoundarySpec('10.1.0.0/16')).toEqual({ ok: false, problem: expect.stringContaining('subnet:10.1.0.0/16, range:') });
  });

  it('reads IPv4 addresses exactly', () => {
    expect(ipv4Value('255.255.255.255')).toBe(0xffffffff);
    expect(ipv4Value('1.2.3.4')).toBe(0x01020304);
    expect(ipv4Value('256.0.0.0')).toBeNull();
    expect(ipv4Value('1.2.3.4.5')).toBeNull();
  });
});
