import { AppsListRegular, DatabaseRegular, DesktopRegular, HeartPulseRegular, SettingsRegular } from '@fluentui/react-icons';
import type { ReadOutcome } from '../../client/live-list';
import { command } from '../../components/action-menu';
import type { FeatureRegistration } from '../../shell/registration';
import { logViewerAction } from '../log-viewer/log-viewer-feature';
import { siteDatabaseLabel } from './site-label';
import type { SiteNodeKinds } from './site-kinds';

const firstFailure = (outcomes: readonly ReadOutcome[]): ReadOutcome => outcomes.find((o) => !o.ok) ?? { ok: true };

/** The site: the root of the console tree and the suite's top folders. */
export const siteFeature: FeatureRegistration<keyof SiteNodeKinds> = {
  nodes: {
    'site-database': {
      label: (_, stores) => siteDatabaseLabel(stores.site.getState()),
      icon: DatabaseRegular,
      description: 'The site this console is connected to: its computers, software and settings.',
      children: () => [{ kind: 'computer-management' }, { kind: 'site-settings' }, { kind: 'system-status' }],
      startsExpanded: true,
      details: { kind: 'children' },
      refresh: async (_, stores) => firstFailure(await Promise.all([stores.site.getState().load(), stores.packages.getState().load()])),
    },
    'computer-management': {
      label: 'Computer Management',
      icon: DesktopRegular,
      description: 'Software distribution and the collections of computers it targets.',
      children: () => [{ kind: 'software-distribution' }, { kind: 'collections' }],
      startsExpanded: true,
      details: { kind: 'children' },
      refresh: (_, stores) => stores.packages.getState().load(),
    },
    'software-distribution': {
      label: 'Software Distribution',
      icon: AppsListRegular,
      description: 'Packages of software and the advertisements that offer them to collections.',
      children: () => [{ kind: 'packages' }, { kind: 'advertisements' }],
      startsExpanded: true,
      details: { kind: 'children' },
      refresh: (_, stores) => stores.packages.getState().load(),
    },
    'site-settings': {
      label: 'Site Settings',
      icon: SettingsRegular,
      description: 'How this site is set up: its site systems, components, client agents, the clients waiting for approval and its maintenance tasks.',
      children: () => [{ kind: 'site-systems' }, { kind: 'dp-groups' }, { kind: 'component-configuration' }, { kind: 'client-agents' }, { kind: 'pending-approval' }, { kind: 'site-maintenance' }],
      details: { kind: 'children' },
      actions: (_, { shell }) => [command('properties', 'Properties', () => shell.openPopup({ kind: 'site-properties' }), { icon: SettingsRegular })],
      refresh: async (_, stores) => firstFailure(await Promise.all([stores.site.getState().load(), stores.siteSystems.getState().load()])),
    },
    'system-status': {
      label: 'System Status',
      icon: HeartPulseRegular,
      description: 'Status messages and summaries from the site components.',
      children: () => [
        { kind: 'component-status' },
        { kind: 'package-status-summary' },
        { kind: 'advertisement-status' },
        { kind: 'status-message-queries' },
      ],
      details: { kind: 'children' },
      actions: (_, { shell }) => [logViewerAction(shell)],
    },
  },
  rows: {},
  popups: {},
  start: (stores) => {
    void stores.site.getState().load();
    return () => undefined;
  },
};
