import { describe, expect, it } from 'vitest';
import { boundaryAddress } from './management-point';

describe('boundaryAddress', () => {
  it('takes IPv4 as it is and IPv4-mapped IPv6 as its IPv4 address', () => {
    expect(boundaryAddress('10.1.2.3')).toBe('10.1.2.3');
    expect(boundaryAddress(' 10.1.2.3 ')).toBe('10.1.2.3');
    expect(boundaryAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(boundaryAddress('::FFFF:0A01:0203')).toBe('10.1.2.3');
    expect(boundaryAddress('0:0:0:0:0:ffff:192.168.1.1')).toBe('192.168.1.1');
    expect(boundaryAddress('::0:ffff:c0a8:101')).toBe('192.168.1.1');
    expect(boundaryAddress('::ffff:ffff:ffff')).toBe('255.255.255.255');
  });

  it('matches no boundary with any other address', () => {
    for (const address of ['fe80::1', '::1', '::', '2001:db8::ffff:10.1.2.3', '::ffff:999.1.2.3', '::ffff:10.1.2', '::fffe:10.1.2.3', '::ffff:1:2:3', '010.1.2.3', '10.1.2.3.4', '', '::ffff:12345:1']) {
      expect([address, boundaryAddress(address)]).toEqual([address, null]);
    }
  });
});
