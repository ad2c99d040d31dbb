import { describe, expect, it } from 'vitest';
import { machineOfSystem, platformProblem } from './platform-check';

describe("a system's platform as the site knows it", () => {
  it('reads OperatingSystemNameandVersion as the client agent registers it, Win NT for Microsoft Windows NT', () => {
    expect(machineOfSystem('Microsoft Windows NT Workstation 6.1', 'x64')).toEqual({ osName: 'Win NT', osVersion: '6.1', platform: 'x64' });
    expect(machineOfSystem('Microsoft Windows NT 5.1.2600', 'I386')).toEqual({ osName: 'Win NT', osVersion: '5.1.2600', platform: 'I386' });
    expect(machineOfSystem('Linux 6.8.0', 'x64')).toEqual({ osName: 'Linux', osVersion: '6.8.0', platform: 'x64' });
  });

  it('is unknown without an operating system, a platform or a version in it', () => {
    expect(machineOfSystem(null, 'x64')).toBeNull();
    expect(machineOfSystem('Microsoft Windows NT Workstation 6.1', null)).toBeNull();
    expect(machineOfSystem('Microsoft Windows NT Workstation', 'x64')).toBeNull();
  });

  it('fits the platforms of a program as on the client: XP is 5.10, Windows 7 x64 is 6.10 on x64', () => {
    const win7x64 = { kind: 'computer', anyPlatform: false, platforms: ['win7-x64'] } as const;
    expect(platformProblem(win7x64, machineOfSystem('Microsoft Windows NT Workstation 6.1', 'x64')!)).toBeNull();
    expect(platformProblem(win7x64, machineOfSystem('Microsoft Windows NT Workstation 5.1', 'I386')!)).toBe('The program runs only on All x64 Windows 7; this client is Win NT 5.1 on I386.');
    expect(platformProblem({ kind: 'computer', anyPlatform: false, platforms: ['winxp-x86'] }, machineOfSystem('Microsoft Windows NT Workstation 5.1', 'I386')!)).toBeNull();
    expect(platformProblem({ kind: 'device' }, { osName: 'Win NT', osVersion: '6.1', platform: 'x64' })).toMatch(/program for devices/);
  });
});
