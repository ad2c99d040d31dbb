import { hostname, networkInterfaces, release, type as osType, uptime, type NetworkInterfaceInfo } from 'node:os';
import type { MpRegisterRequest } from '../../core/api/management-point';
import type { ClientConfig } from '../config/client-config';
import type { MachineInfo, Session } from '../policy/context';

/** The version the agent reports in its registration (SMS_R_System.ClientVersion). */
export const clientAgentVersion = '0.1.0';

/**
 * What the agent tells the site about its machine at registration, and what the evaluation
 * reads (the platform, OS and session): collected each cycle, so a changed address or OS
 * version reaches the site with the next re-registration.
 */
export interface MachineFacts {
  readonly name: string;
  readonly domain: string | null;
  readonly machine: MachineInfo;
  readonly ipAddresses: readonly string[];
  readonly ipSubnets: readonly string[];
  readonly session: Session;
  /** When the machine last started, for assignments at system start-up; unknown when absent. */
  readonly bootedAt?: Date | null;
}

/**
 * The platform as SMS_R_System names it. Windows on ARM64 runs x64 programs in emulation, so it
 * takes x64 programs; a processor no Windows client has cannot be one.
 */
export function platformOf(arch: string): MachineInfo['platform'] {
  switch (arch) {
    case 'ia32':
      return 'I386';
    case 'x64':
    case 'arm64':
      return 'x64';
    default:
      throw new Error(`This machine's processor (${arch}) is none a client platform names (I386, x64, IA64).`);
  }
}

/** `Windows_NT` is what Win32_OperatingSystem's caption family is called in SMS_OS_Details: `Win NT`. */
export function osNameOf(type: string): string {
  return type === 'Windows_NT' ? 'Win NT' : type;
}

/** The IPv4 network an address lies in: the address with its host bits cleared by the netmask. */
export function subnetOf(address: string, netmask: string): string {
  const a = address.split('.').map(Number);
  const m = netmask.split('.').map(Number);
  return a.map((part, i) => part & (m[i] ?? 0)).join('.');
}

/** Every IPv4 address of the machine but loopback, with its subnet, each listed once. */
export function ipv4Of(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): { ipAddresses: string[]; ipSubnets: string[] } {
  const addresses = new Set<string>();
  const subnets = new Set<string>();
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      addresses.add(info.address);
      subnets.add(subnetOf(info.address, info.netmask));
    }
  }
  return { ipAddresses: [...addresses], ipSubnets: [...subnets] };
}

/**
 * Who is logged on: client.json's `session` where it sets one (a lab, a container, a test);
 * else, on Windows, the user the agent runs as when that is a person (USERDOMAIN\USERNAME), not
 * the machine account a service runs as (`NAME$`). Elsewhere the OS has no such notion the
 * agent can read, so nobody is.
 */
export function sessionOf(config: Pick<ClientConfig, 'session'>, env: NodeJS.ProcessEnv = process.env, platform = process.platform): Session {
  if (config.session !== undefined) return config.session.user === null ? { kind: 'none' } : { kind: 'user', user: config.session.user };
  if (platform !== 'win32') return { kind: 'none' };
  const domain = env.USERDOMAIN;
  const user = env.USERNAME;
  if (domain === undefined || user === undefined || domain === '' || user === '' || user.endsWith('$')) return { kind: 'none' };
  return { kind: 'user', user: `${domain}\\${user}` };
}

export function collectFacts(config: Pick<ClientConfig, 'session' | 'computerName'>, env: NodeJS.ProcessEnv = process.env): MachineFacts {
  const { ipAddresses, ipSubnets } = ipv4Of(networkInterfaces());
  const domain = process.platform === 'win32' && env.USERDNSDOMAIN !== undefined && env.USERDNSDOMAIN !== '' ? env.USERDNSDOMAIN : null;
  return {
    // A NetBIOS-style name: the first label of the host name, as Win32_ComputerSystem.Name has it.
    name: config.computerName ?? ((hostname().split('.')[0] ?? '').toUpperCase() || 'UNKNOWN'),
    domain,
    machine: { platform: platformOf(process.arch), osName: osNameOf(osType()), osVersion: release() },
    ipAddresses,
    ipSubnets,
    session: sessionOf(config, env),
    bootedAt: new Date(Date.now() - Math.round(uptime() * 1000)),
  };
}

/** The registration request the facts make: what the site keeps in the system resource. */
export function registrationOf(facts: MachineFacts, smsUniqueIdentifier: string | undefined): MpRegisterRequest {
  return {
    name: facts.name,
    ...(smsUniqueIdentifier !== undefined ? { smsUniqueIdentifier } : {}),
    domain: facts.domain,
    operatingSystemNameAndVersion: `${facts.machine.osName === 'Win NT' ? 'Microsoft Windows NT' : facts.machine.osName} ${facts.machine.osVersion}`,
    platform: facts.machine.platform,
    ipAddresses: [...facts.ipAddresses],
    ipSubnets: [...facts.ipSubnets],
    loggedOnUsers: facts.session.kind === 'user' ? [facts.session.user] : [],
    clientVersion: clientAgentVersion,
  };
}
