import { describe, expect, it } from 'vitest';
import { collectFacts, ipv4Of, osNameOf, platformOf, registrationOf, sessionOf, subnetOf } from './machine-facts';

describe("the machine's facts", () => {
  it('names the platform as SMS_R_System does and refuses a processor no client has', () => {
    expect(platformOf('ia32')).toBe('I386');
    expect(platformOf('x64')).toBe('x64');
    expect(platformOf('arm64')).toBe('x64');
    expect(() => platformOf('mips')).toThrow(/processor \(mips\)/);
    expect(osNameOf('Windows_NT')).toBe('Win NT');
    expect(osNameOf('Linux')).toBe('Linux');
  });

  it('lists each IPv4 address but loopback once, with the subnet its netmask gives', () => {
    expect(subnetOf('10.1.2.3', '255.255.0.0')).toBe('10.1.0.0');
    expect(subnetOf('192.168.7.200', '255.255.255.192')).toBe('192.168.7.192');
    const info = (address: string, netmask: string, family: 'IPv4' | 'IPv6' = 'IPv4', internal = false) => ({ address, netmask, family, internal, mac: '00:00:00:00:00:00', cidr: null });
    expect(
      ipv4Of({
        lo: [info('127.0.0.1', '255.0.0.0', 'IPv4', true)],
        eth0: [info('10.1.2.3', '255.255.0.0'), info('fe80::1', 'ffff:ffff:ffff:ffff::', 'IPv6')],
        eth1: [info('10.1.9.9', '255.255.0.0'), info('10.1.2.3', '255.255.0.0')],
      } as never),
    ).toEqual({ ipAddresses: ['10.1.2.3', '10.1.9.9'], ipSubnets: ['10.1.0.0'] });
  });

  it("takes the session from client.json first; on Windows the user it runs as unless that is the machine account; elsewhere nobody", () => {
    expect(sessionOf({ session: { user: 'CONTOSO\\ann' } }, {}, 'linux')).toEqual({ kind: 'user', user: 'CONTOSO\\ann' });
    expect(sessionOf({ session: { user: null } }, { USERDOMAIN: 'CONTOSO', USERNAME: 'bob' }, 'win32')).toEqual({ kind: 'none' });
    expect(sessionOf({}, { USERDOMAIN: 'CONTOSO', USERNAME: 'bob' }, 'win32')).toEqual({ kind: 'user', user: 'CONTOSO\\bob' });
    expect(sessionOf({}, { USERDOMAIN: 'CONTOSO', USERNAME: 'WKS001$' }, 'win32')).toEqual({ kind: 'none' });
    expect(sessionOf({}, { USERDOMAIN: 'CONTOSO', USERNAME: 'bob' }, 'linux')).toEqual({ kind: 'none' });
  });

  it('makes a registration the management point accepts from what the OS says', () => {
    const facts = collectFacts({ session: { user: 'CONTOSO\\ann' } });
    expect(facts.name).toMatch(/^[A-Z0-9-_]+$/i);
    expect(facts.ipAddresses.every((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a) && a !== '127.0.0.1')).toBe(true);
    const request = registrationOf(facts, 'GUID:1');
    expect(request).toMatchObject({ name: facts.name, smsUniqueIdentifier: 'GUID:1', platform: facts.machine.platform, loggedOnUsers: ['CONTOSO\\ann'], clientVersion: expect.any(String) });
    expect(registrationOf({ ...facts, machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1.7601' } }, undefined).operatingSystemNameAndVersion).toBe('Microsoft Windows NT 6.1.7601');
    expect('smsUniqueIdentifier' in registrationOf(facts, undefined)).toBe(false);
  });

  it("registers as client.json's computer name when it has one (a lab playing several computers)", () => {
    expect(collectFacts({ computerName: 'LAB-WKS-017' }).name).toBe('LAB-WKS-017');
    expect(registrationOf(collectFacts({ computerName: 'LAB-WKS-017' }), undefined).name).toBe('LAB-WKS-017');
  });
});
