import type { Command } from 'commander';
import type {
  AdvertisementSummaryDto,
  ComponentSummariesDto,
  ComponentThresholdsDto,
  ComponentThresholdsUpdate,
  PackageSummaryDto,
} from '../api';
import type { CommandContext } from './command-context';
import { parseWholeNumber } from './parse-integer';
import { textFields, textTable } from './text-table';

const time = (iso: string | null): string => (iso === null ? '-' : iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
const statusLabels = { ok: 'OK', warning: 'Warning', critical: 'Critical' } as const;

export function formatPackageSummaries(packages: readonly PackageSummaryDto[]): string {
  if (packages.length === 0) return 'No packages.';
  const table = textTable(
    ['Package', 'Name', 'Source version', 'Source date', 'Targeted', 'Installed', 'Retrying', 'Failed', 'Removing'],
    packages.map((p) => [
      p.packageId, p.name ?? '(deleted)', p.sourceVersion === null ? '-' : String(p.sourceVersion), time(p.sourceDate),
      String(p.targeted), String(p.installed), String(p.retrying), String(p.failed), String(p.removing),
    ]),
  );
  const one = packages.length === 1 ? packages[0] : undefined;
  if (!one?.distributionPoints) return table;
  const sites = one.sites.length === 0
    ? 'On no distribution point.'
    : textTable(
        ['Site', 'Targeted', 'Installed', 'Retrying', 'Failed', 'Removing'],
        one.sites.map((s) => [s.siteCode, String(s.targeted), String(s.installed), String(s.retrying), String(s.failed), String(s.removing)]),
      );
  const dps = one.distributionPoints.length === 0
    ? ''
    : `\n\n${textTable(
        ['Distribution point', 'Site', 'State', 'Source version', 'Copied (UTC)', 'Refreshed (UTC)'],
        one.distributionPoints.map((d) => [d.name, d.siteCode, d.state, d.sourceVersion === null ? '-' : String(d.sourceVersion), time(d.lastCopied), time(d.lastRefreshed)]),
      )}`;
  return `${table}\n\n${sites}${dps}`;
}

export function formatAdvertisementSummaries(advertisements: readonly AdvertisementSummaryDto[]): string {
  if (advertisements.length === 0) return 'No advertisements.';
  const table = textTable(
    ['Advertisement', 'Name', 'Package', 'Program', 'Received', 'Failures', 'Programs started', 'Succeeded', 'Failed'],
    advertisements.map((a) => [
      a.advertisementId, a.advertisementName, a.packageId, a.programName,
      String(a.received), String(a.failures), String(a.programsStarted), String(a.programsSucceeded), String(a.programsFailed),
    ]),
  );
  const one = advertisements.length === 1 ? advertisements[0] : undefined;
  if (!one) return table;
  const sites = one.sites.length === 0
    ? 'No client has reported on it yet.'
    : textTable(
        ['Site', 'Received', 'Failures', 'Programs started', 'Succeeded', 'Failed', 'Last update (UTC)'],
        one.sites.map((s) => [s.siteCode, String(s.received), String(s.failures), String(s.programsStarted), String(s.programsSucceeded), String(s.programsFailed), time(s.lastUpdate)]),
      );
  const states = Object.entries(one.clientStates).map(([state, n]) => `${state} ${n}`).join(', ');
  return `${table}\n\n${sites}\n\nClients by last state: ${states}.`;
}

function formatThresholds(thresholds: ComponentThresholdsDto): string {
  return textFields([
    ['Errors', `Warning at ${thresholds.error.warning}, Critical at ${thresholds.error.critical}`],
    ['Warnings', `Warning at ${thresholds.warning.warning}, Critical at ${thresholds.warning.critical}`],
    ['Informational', `Warning at ${thresholds.info.warning}, Critical at ${thresholds.info.critical}`],
  ]);
}

export function formatComponentSummaries(summaries: ComponentSummariesDto): string {
  const table = summaries.components.length === 0
    ? 'No site component has reported a status message.'
    : textTable(
        ['Status', 'Site', 'Machine', 'Component', 'Errors', 'Warnings', 'Info', 'Since (UTC)', 'Last message (UTC)'],
        summaries.components.map((c) => [statusLabels[c.status], c.siteCode, c.machine, c.component, String(c.errors), String(c.warnings), String(c.infos), time(c.countsSince), time(c.lastMessage)]),
      );
  return `${table}\n\nThresholds:\n${formatThresholds(summaries.thresholds)}`;
}

interface ThresholdOptions {
  errorWarning?: number;
  errorCritical?: number;
  warningWarning?: number;
  warningCritical?: number;
  infoWarning?: number;
  infoCritical?: number;
}

function thresholdChanges(opts: ThresholdOptions): ComponentThresholdsUpdate {
  const pair = (warning: number | undefined, critical: number | undefined) =>
    warning === undefined && critical === undefined ? undefined : { ...(warning !== undefined ? { warning } : {}), ...(critical !== undefined ? { critical } : {}) };
  const info = pair(opts.infoWarning, opts.infoCritical);
  const warning = pair(opts.warningWarning, opts.warningCritical);
  const error = pair(opts.errorWarning, opts.errorCritical);
  return { ...(info ? { info } : {}), ...(warning ? { warning } : {}), ...(error ? { error } : {}) };
}

/** `courier status summary …`, `courier status reset-counts`, `courier status thresholds`: System Status. */
export function registerStatusSummaryCommands(status: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const summary = status.command('summary').description('System Status: the summaries of the status messages').helpCommand(false);

  withGlobalOptions(summary.command('package').argument('[package-id]', 'one package, with its distribution points').description('Package Status: where each package is on the distribution points'))
    .action((packageId: string | undefined, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const packages = unwrap(await core.client['status:summary-packages'](packageId !== undefined ? { packageId } : {}));
        print(globals, packageId !== undefined ? packages[0] : packages, () => formatPackageSummaries(packages));
      }),
    );

  withGlobalOptions(summary.command('advertisement').argument('[advertisement-id]', 'one advertisement, per site').description("Advertisement Status: the counts of the clients' messages"))
    .action((advertisementId: string | undefined, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const advertisements = unwrap(await core.client['status:summary-advertisements'](advertisementId !== undefined ? { advertisementId } : {}));
        print(globals, advertisementId !== undefined ? advertisements[0] : advertisements, () => formatAdvertisementSummaries(advertisements));
      }),
    );

  withGlobalOptions(summary.command('component').argument('[component]', 'one component, such as SMS_DISTRIBUTION_MANAGER').description('Component Status: the messages of each site component since its counts began, and its status'))
    .action((component: string | undefined, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const summaries = unwrap(await core.client['status:summary-components'](component !== undefined ? { component } : {}));
        print(globals, summaries, () => formatComponentSummaries(summaries));
      }),
    );

  withGlobalOptions(status.command('reset-counts').argument('[component]', 'the component; every component when left out').description("Component Status: start a component's counts again from now"))
    .action((component: string | undefined, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const summaries = unwrap(await core.client['status:component-reset'](component !== undefined ? { component } : {}));
        print(globals, summaries, () => formatComponentSummaries(summaries));
      }),
    );

  withGlobalOptions(
    status
      .command('thresholds')
      .description('Component Status thresholds: how many messages make a component Warning or Critical (shown when no option is given)')
      .option('--error-warning <n>', 'errors that make a component Warning', parseWholeNumber)
      .option('--error-critical <n>', 'errors that make it Critical', parseWholeNumber)
      .option('--warning-warning <n>', 'warnings that make it Warning', parseWholeNumber)
      .option('--warning-critical <n>', 'warnings that make it Critical', parseWholeNumber)
      .option('--info-warning <n>', 'informational messages that make it Warning', parseWholeNumber)
      .option('--info-critical <n>', 'informational messages that make it Critical', parseWholeNumber),
  ).action((opts: ThresholdOptions, command: Command) =>
    withCore(command, async (core, globals) => {
      const changes = thresholdChanges(opts);
      const thresholds = unwrap(
        Object.keys(changes).length === 0 ? await core.client['status:component-thresholds:get']({}) : await core.client['status:component-thresholds:update'](changes),
      );
      print(globals, thresholds, () => formatThresholds(thresholds));
    }),
  );
}
