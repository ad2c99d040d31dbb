import type { MpMaintenanceWindowDto } from '../../core/api/management-point';
import type { MifPackage } from '../mif/mif-match';
import { clientMaintenanceWindowSchema, type ClientMaintenanceWindow, type EvaluationContext, type ProgramRun } from '../policy/context';
import { evaluateAdvertisement, type Decision } from '../policy/evaluate';
import { OfferBodyError, parseOfferBody, type ClientOfferBody } from '../policy/offer-body-schema';
import type { MachineFacts } from './machine-facts';
import { eventsOf } from './observed-events';
import type { PolicyState } from './policy-store';

export type PolicyScope = 'machine' | 'user';

/** One advertisement of the stored policy, its body checked. */
export interface PolicyAdvertisement {
  readonly scope: PolicyScope;
  readonly body: ClientOfferBody;
  /** The package's fields the agent's schema does not check but the run uses (persist, MIF matching). */
  readonly persist: boolean;
  /** With `mifFileName` when the package names the one status MIF its installer writes. */
  readonly mifPackage: MifPackage;
}

/** A body of the stored policy the agent could not read (status message 10000). */
export interface RefusedBody {
  readonly scope: PolicyScope;
  readonly advertisementId: string | null;
  readonly packageId: string | null;
  readonly programName: string | null;
  readonly reason: string;
}

export interface PolicyView {
  readonly advertisements: readonly PolicyAdvertisement[];
  readonly refused: readonly RefusedBody[];
  readonly maintenanceWindows: readonly ClientMaintenanceWindow[];
  /** Windows the agent could not use, with why. */
  readonly refusedWindows: readonly string[];
}

const textAt = (value: unknown, key: string, max = 256): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' && found.length <= max ? found : null;
};

/**
 * The package's Reporting settings: "Use these fields for status MIF matching" matches on its MIF
 * file name, name, publisher and version; "Use package properties" on its name, publisher and
 * version, any MIF file (SMS_Package USE_SPECIAL_MIF).
 */
function mifPackageOf(pkg: ClientOfferBody['package'], manufacturer: string, version: string): MifPackage {
  const own = { name: pkg.name, manufacturer, version };
  if (pkg.mifMatching !== 'customFields') return { ...own, mifName: '', mifPublisher: '', mifVersion: '' };
  return { ...own, mifName: pkg.mifName, mifPublisher: pkg.mifPublisher, mifVersion: pkg.mifVersion, ...(pkg.mifFileName.trim() !== '' ? { mifFileName: pkg.mifFileName.trim() } : {}) };
}

function extrasOf(raw: unknown, body: ClientOfferBody): Pick<PolicyAdvertisement, 'persist' | 'mifPackage'> {
  const pkg = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).package : undefined;
  const persist = typeof pkg === 'object' && pkg !== null && (pkg as Record<string, unknown>).persistInClientCache === true;
  return {
    persist,
    mifPackage: mifPackageOf(body.package, textAt(pkg, 'publisher') ?? '', textAt(pkg, 'version') ?? ''),
  };
}

function windowsOf(windows: readonly MpMaintenanceWindowDto[], refused: string[]): ClientMaintenanceWindow[] {
  const usable: ClientMaintenanceWindow[] = [];
  for (const window of windows) {
    const parsed = clientMaintenanceWindowSchema.safeParse({ collectionId: window.collectionId, name: window.name, token: window.token, durationMinutes: window.durationMinutes });
    if (parsed.success) usable.push(parsed.data);
    else refused.push(`Maintenance window "${window.name}" of ${window.collectionId} is not used: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`);
  }
  return usable;
}

/**
 * The stored policy as the agent acts on it: the machine's advertisements, then the user's
 * (an advertisement offered both ways is the machine's), each body checked again, and the
 * maintenance windows of both.
 */
export function viewOf(state: PolicyState): PolicyView {
  const advertisements: PolicyAdvertisement[] = [];
  const refused: RefusedBody[] = [];
  const refusedWindows: string[] = [];
  const seen = new Set<string>();
  const scopes: [PolicyScope, PolicyState['machine']][] = [
    ['machine', state.machine],
    ['user', state.user],
  ];
  for (const [scope, policy] of scopes) {
    for (const raw of policy?.bodies ?? []) {
      let body: ClientOfferBody;
      try {
        body = parseOfferBody(raw);
      } catch (error) {
        const ad = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).advertisement : undefined;
        refused.push({
          scope,
          advertisementId: textAt(ad, 'advertisementId', 8),
          packageId: textAt(ad, 'packageId', 8),
          programName: textAt(ad, 'programName', 50),
          reason: error instanceof OfferBodyError ? error.message : String(error),
        });
        continue;
      }
      const id = body.advertisement.advertisementId.toUpperCase();
      if (seen.has(id)) continue;
      seen.add(id);
      advertisements.push({ scope, body, ...extrasOf(raw, body) });
    }
  }
  const maintenanceWindows = [...windowsOf(state.machine?.maintenanceWindows ?? [], refusedWindows), ...windowsOf(state.user?.maintenanceWindows ?? [], refusedWindows)];
  return { advertisements, refused, maintenanceWindows, refusedWindows };
}

export interface EvaluatedAdvertisement {
  readonly advertisement: PolicyAdvertisement;
  readonly decision: Decision;
}

/** Evaluates every advertisement of the view at `now`; one the agent has no record of counts as received now. */
export function evaluateAll(view: PolicyView, state: PolicyState, facts: MachineFacts, history: readonly ProgramRun[], now: Date): EvaluatedAdvertisement[] {
  const records = state.advertisements;
  const base: Omit<EvaluationContext, 'receivedAt'> = {
    machine: facts.machine,
    session: facts.session,
    history,
    maintenanceWindows: view.maintenanceWindows,
    events: eventsOf(state),
    programs: view.advertisements.map((a) => a.body.program),
    now,
  };
  return view.advertisements.map((advertisement) => {
    const record = records[advertisement.body.advertisement.advertisementId];
    const receivedAt = record === undefined ? now : new Date(record.firstReceivedAt);
    return { advertisement, decision: evaluateAdvertisement(advertisement.body, { ...base, receivedAt }) };
  });
}
