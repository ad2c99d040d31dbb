import type { PackageDto } from './packages';

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface PackageChangedEvent {
  readonly change: ChangeKind;
  readonly packageId: string;
  /** The package as it now is; null once deleted. */
  readonly package: PackageDto | null;
}

/** Events the core pushes to every connected console (Electron IPC or server-sent events). */
export interface EventMap {
  'packages:changed': PackageChangedEvent;
}

export type EventChannel = keyof EventMap;
export type EventOf<E extends EventChannel> = EventMap[E];

export const eventChannels: readonly EventChannel[] = ['packages:changed'];

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (eventChannels as readonly string[]).includes(value);
}
