import type { PackageDto } from './packages';
import type { ProgramDto } from './programs';

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface PackageChangedEvent {
  readonly change: ChangeKind;
  readonly packageId: string;
  /** The package as it now is; null once deleted. */
  readonly package: PackageDto | null;
}

/** Events the core pushes to every connected console (Electron IPC or server-sent events). */
export interface ProgramChangedEvent {
  readonly change: ChangeKind;
  readonly packageId: string;
  readonly programName: string;
  /** The program as it now is; null once deleted. */
  readonly program: ProgramDto | null;
  /** Set when a rename changed the program's name. */
  readonly previousName?: string;
}

export interface AccessAccountsChangedEvent {
  readonly packageId: string;
}

/** running: it holds the site's lease and works; standby: another process runs it for the site. */
export type ComponentState = 'running' | 'standby' | 'stopped';

/** A site component started, handed over or stopped (docs/site-components.md). */
export interface ComponentChangedEvent {
  /** As the suite names its site components: SMS_DISTRIBUTION_MANAGER. */
  readonly component: string;
  readonly state: ComponentState;
  /** Where it runs, e.g. "worker thread 1 of process 4242 on SITESRV". */
  readonly host: string;
  readonly at: string;
}

/** Site Properties changed (by any console or the CLI): re-read the setting named. */
export interface SiteSettingsChangedEvent {
  readonly setting: 'pathMappings' | 'sourceRoots' | 'siteMaintenance';
}

/** A distribution point or a DP group was created, changed or deleted: re-read it by name. */
export interface DistributionPointChangedEvent {
  readonly change: ChangeKind;
  readonly name: string;
}

export interface DpGroupChangedEvent {
  readonly change: ChangeKind;
  readonly name: string;
}

/** Where a package is, or is to be, changed (distribute, update, refresh, remove): re-read packages:status. */
export interface PackageDpsChangedEvent {
  readonly packageId: string;
}

/**
 * How a copy of a package to one distribution point is going, while Distribution Manager copies
 * it: sent a few times a second at most per package and DP, and once more when the copy ends.
 * The state itself (installed, retrying …) comes with package-dps:changed.
 */
export interface DistributionProgressEvent {
  readonly packageId: string;
  /** The DP's name, as packages:status lists it. */
  readonly dpName: string;
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Bytes a second over the last few seconds; 0 before it can be told. */
  readonly bytesPerSecond: number;
  /** Seconds left at that rate, or null while unknown. */
  readonly etaSeconds: number | null;
  /** True on the last event of a copy (done, failed or cancelled). */
  readonly finished: boolean;
}

/**
 * Status messages were reported, by any process (a service, the CLI, a site component): a view
 * that shows messages reads the ones after the newest it holds. The messages of commits a
 * fraction of a second apart come as one event, at most a few a second from each process.
 */
export interface StatusMessagesAddedEvent {
  /** The highest record ID among them: a view holding it is up to date. */
  readonly newestRecordId: number;
  /** Their packages (attribute 400), each once, as reported. */
  readonly packageIds: readonly string[];
  /** Their components (SMS_DISTRIBUTION_MANAGER), each once. */
  readonly components: readonly string[];
}

/**
 * A summary changed other than by new messages: Component Status's thresholds, or its counts
 * reset. (New messages change summaries too: those ride status-messages:added, package-dps:changed
 * and advertisement-clients:changed; docs/status-messages.md#summarizers.)
 */
export interface StatusSummariesChangedEvent {
  readonly summary: 'component';
  readonly change: 'thresholds' | 'reset';
  /** The component reset, or null for all of them (and for thresholds). */
  readonly component: string | null;
}

/** A site component's settings changed (Component Configuration). */
export interface ComponentSettingsChangedEvent {
  /** distmgr: Software Distribution; dpcontent: the content service (content-service:set). */
  readonly component: 'distmgr' | 'dpcontent';
}

/** A client agent's site-wide settings changed (Site Settings › Client Agents). */
export interface ClientAgentSettingsChangedEvent {
  readonly agent: 'advertised-programs';
}

/** Resources were added, changed, removed or imported: re-read them (one event per import, not per row). */
export interface ResourcesChangedEvent {
  readonly change: ChangeKind | 'imported';
  /** The resource, for a change to one; null for an import. */
  readonly resourceId: number | null;
  readonly count: number;
}

/** A collection's settings, rules, links or membership changed: re-read it. */
export interface CollectionChangedEvent {
  readonly change: ChangeKind | 'membership';
  readonly collectionId: string;
}

/** An advertisement was created, changed or deleted: re-read it. */
export interface AdvertisementChangedEvent {
  readonly change: ChangeKind;
  readonly advertisementId: string;
}

/**
 * One of the site's own Status Message Queries was created, changed or deleted
 * (docs/status-messages.md#status-message-queries): read the list again. The built-ins never change.
 */
export interface StatusQueryChangedEvent {
  readonly change: ChangeKind;
  /** The query's ID: A01Q00001. */
  readonly queryId: string;
}

/**
 * The management point's settings changed, one of its clients registered or changed (approval,
 * secret reset), or it started or stopped listening (`status`): read them again.
 */
export interface ManagementPointChangedEvent {
  readonly change: 'settings' | 'client' | 'status';
  readonly resourceId: number | null;
}

export interface EventMap {
  'packages:changed': PackageChangedEvent;
  'programs:changed': ProgramChangedEvent;
  'access-accounts:changed': AccessAccountsChangedEvent;
  'components:changed': ComponentChangedEvent;
  'site:settings-changed': SiteSettingsChangedEvent;
  'distribution-points:changed': DistributionPointChangedEvent;
  'dp-groups:changed': DpGroupChangedEvent;
  'package-dps:changed': PackageDpsChangedEvent;
  'distribution:progress': DistributionProgressEvent;
  'components:settings-changed': ComponentSettingsChangedEvent;
  'client-agents:settings-changed': ClientAgentSettingsChangedEvent;
  'status-messages:added': StatusMessagesAddedEvent;
  'resources:changed': ResourcesChangedEvent;
  'collections:changed': CollectionChangedEvent;
  'advertisements:changed': AdvertisementChangedEvent;
  'management-point:changed': ManagementPointChangedEvent;
  'advertisement-clients:changed': AdvertisementClientStatesEvent;
  'status-summaries:changed': StatusSummariesChangedEvent;
  'status-queries:changed': StatusQueryChangedEvent;
}

/** A client's state for the advertisement changed (docs/advertisements.md#each-clients-state): read it again. */
export interface AdvertisementClientStatesEvent {
  readonly advertisementId: string;
}

export type EventChannel = keyof EventMap;
export type EventOf<E extends EventChannel> = EventMap[E];

export const eventChannels: readonly EventChannel[] = [
  'packages:changed',
  'programs:changed',
  'access-accounts:changed',
  'components:changed',
  'site:settings-changed',
  'distribution-points:changed',
  'dp-groups:changed',
  'package-dps:changed',
  'distribution:progress',
  'components:settings-changed',
  'client-agents:settings-changed',
  'status-messages:added',
  'resources:changed',
  'collections:changed',
  'advertisements:changed',
  'management-point:changed',
  'advertisement-clients:changed',
  'status-summaries:changed',
  'status-queries:changed',
];

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (eventChannels as readonly string[]).includes(value);
}
