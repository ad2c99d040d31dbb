import { AddRegular, DeleteRegular, GroupRegular, ServerLinkRegular, ServerMultipleRegular, ServerRegular, SettingsRegular, WrenchRegular } from '@fluentui/react-icons';
import { foldNoCase } from '../../../core/api';
import { CloseAtOnce } from '../../components/close-at-once';
import { command, submenu } from '../../components/action-menu';
import { sortByText } from '../../components/data-grid';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { contentRoleName, dpNameOfContentRoleKey } from './content-role';
import { ContentServiceDialog } from './content-service-dialog';
import { DeleteDpGroupDialog } from './delete-dp-group-dialog';
import { DeleteDpsDialog } from './delete-dps-dialog';
import { DistmgrPropertiesDialog } from './distmgr-properties-dialog';
import { DpGroupDialog } from './dp-group-dialog';
import { DpPropertiesDialog } from './dp-properties-dialog';
import { NewSiteSystemWizard } from './new-site-system-wizard';
import type { SiteSystemsNodeKinds, SiteSystemsPopupKinds, SiteSystemsRowKinds } from './site-systems-kinds';
import { followSiteSystemChanges, siteSystemNamed } from './site-systems-store';
import { mpRoleKey } from '../management-point/mp-role';
import { cachedSiteSystems, ComponentConfigurationView, DpGroupsView, dpRoleName, siteComponents, siteServerOf, SiteSystemsView, SiteSystemView } from './site-systems-views';

const byName = (a: string, b: string) => foldNoCase(a) === foldNoCase(b);

/**
 * Site Settings › Site Systems (each server and its distribution point role), Distribution
 * Point Groups, and Component Configuration's Software Distribution properties
 * (docs/console.md#site-systems-distribution-point-groups-and-component-configuration).
 */
export const siteSystemsFeature: FeatureRegistration<keyof SiteSystemsNodeKinds, keyof SiteSystemsRowKinds, keyof SiteSystemsPopupKinds> = {
  nodes: {
    'site-systems': {
      label: 'Site Systems',
      icon: ServerMultipleRegular,
      description: 'The servers that play a role for this site, such as distribution points.',
      children: (_, stores) =>
        sortByText(cachedSiteSystems(stores.siteSystems.getState().dps.items, siteServerOf(stores)), (s) => s.serverName).map((s) => ({ kind: 'site-system', serverName: s.serverName })),
      childrenPending: (_, stores) => stores.siteSystems.getState().dps.status === 'loading',
      details: {
        kind: 'list',
        View: SiteSystemsView,
        rows: (_, keys, source) => detailsRows('node', keys.map((key) => source.childItem(key)).filter((item) => item !== undefined)),
        count: (_, stores) => {
          const list = stores.siteSystems.getState().dps;
          return list.status === 'ready' ? cachedSiteSystems(list.items, siteServerOf(stores)).length : null;
        },
      },
      actions: (_, { shell }) => [
        submenu(
          'new',
          'New',
          [
            command('new-site-system-server', 'Server', () => shell.openPopup({ kind: 'new-site-system', mode: 'server' }), { icon: ServerRegular }),
            command('new-site-system-share', 'Server Share', () => shell.openPopup({ kind: 'new-site-system', mode: 'serverShare' }), { icon: ServerLinkRegular }),
          ],
          { icon: AddRegular },
        ),
      ],
      refresh: (_, stores) => stores.siteSystems.getState().load(),
    },
    'site-system': {
      label: (node) => node.serverName,
      icon: ServerRegular,
      description: 'A server of the site and the roles it plays.',
      idSegment: (node) => node.serverName,
      details: {
        kind: 'list',
        View: SiteSystemView,
        rows: ({ serverName }, keys, { stores }) => {
          const system = siteSystemNamed(stores.siteSystems.getState().dps.items, serverName, siteServerOf(stores));
          const dps = system?.dps ?? [];
          const mp = system?.siteServer === true && keys.includes(mpRoleKey) ? detailsRows('mp-role', [{ serverName }]) : [];
          const content = keys
            .map(dpNameOfContentRoleKey)
            .map((name) => dps.find((dp) => name !== null && dp.name === name && dp.bitsEnabled))
            .filter((dp) => dp !== undefined)
            .map((dp) => ({ dp }));
          return [...mp, ...detailsRows('dp-role', keys.map((key) => dps.find((dp) => dp.name === key)).filter((dp) => dp !== undefined)), ...detailsRows('content-role', content)];
        },
        count: ({ serverName }, stores) => {
          const list = stores.siteSystems.getState().dps;
          const system = siteSystemNamed(list.items, serverName, siteServerOf(stores));
          const roles = system === undefined ? 0 : system.dps.length + system.dps.filter((dp) => dp.bitsEnabled).length + (system.siteServer ? 1 : 0);
          return list.status === 'ready' ? roles : null;
        },
      },
      actions: ({ serverName }, { stores, shell }) => {
        const system = siteSystemNamed(stores.siteSystems.getState().dps.items, serverName, siteServerOf(stores));
        // The site server is not deleted from the console: its DP roles are, one by one.
        const siteServer = system?.siteServer === true;
        return [
          command('delete', 'Delete', () => system && shell.openPopup({ kind: 'delete-dps', dps: system.dps, serverName: system.serverName }), {
            icon: DeleteRegular,
            shortcut: 'Del',
            disabled: system === undefined || siteServer || system.dps.every((dp) => dp.deleting),
            ...(siteServer ? { disabledReason: 'The site server cannot be deleted; delete its distribution point roles one by one.' } : {}),
          }),
        ];
      },
      // F5 reads the state of the management point on the site server, and of the content service on a BITS-enabled DP's server.
      refresh: async ({ serverName }, stores) => {
        const system = siteSystemNamed(stores.siteSystems.getState().dps.items, serverName, siteServerOf(stores));
        const reads = [
          stores.siteSystems.getState().load(),
          ...(system?.siteServer === true ? [stores.managementPoint.getState().loadStatus()] : []),
          ...(system?.dps.some((dp) => dp.bitsEnabled) === true ? [stores.siteSystems.getState().loadContentService()] : []),
        ];
        return (await Promise.all(reads)).find((outcome) => !outcome.ok) ?? { ok: true };
      },
    },
    'dp-groups': {
      label: 'Distribution Point Groups',
      icon: GroupRegular,
      description: 'Named sets of distribution points: a package copied to a group goes to each member.',
      details: {
        kind: 'list',
        View: DpGroupsView,
        rows: (_, keys, { stores }) => {
          const groups = stores.siteSystems.getState().groups.items;
          return detailsRows('dp-group', keys.map((key) => groups.find((g) => g.name === key)).filter((g) => g !== undefined));
        },
        count: (_, stores) => {
          const list = stores.siteSystems.getState().groups;
          return list.status === 'ready' ? list.items.length : null;
        },
      },
      actions: (_, { shell }) => [
        submenu('new', 'New', [command('new-dp-group', 'Distribution Point Group', () => shell.openPopup({ kind: 'new-dp-group' }), { icon: GroupRegular })], { icon: AddRegular }),
      ],
      refresh: (_, stores) => stores.siteSystems.getState().load(),
    },
    'component-configuration': {
      label: 'Component Configuration',
      icon: WrenchRegular,
      description: 'Settings of the site components, such as the Software Distribution component.',
      details: {
        kind: 'list',
        View: ComponentConfigurationView,
        rows: (_, keys) => detailsRows('site-component', siteComponents.filter((c) => keys.includes(c.component))),
        count: () => siteComponents.length,
      },
    },
  },
  rows: {
    'dp-role': {
      label: () => dpRoleName,
      actions: (dp, { shell }) => [
        command('properties', 'Properties', () => shell.openPopup({ kind: 'dp-properties', name: dp.name, mode: dp.mode }), { icon: SettingsRegular }),
        command('delete', 'Delete', () => shell.openPopup({ kind: 'delete-dps', dps: [dp], serverName: null }), { icon: DeleteRegular, shortcut: 'Del', disabled: dp.deleting }),
      ],
    },
    'content-role': {
      label: () => contentRoleName,
      actions: ({ dp }, { shell }) => [
        command('properties', 'Properties', () => shell.openPopup({ kind: 'content-service-properties', serverName: dp.serverName }), { icon: SettingsRegular }),
        // BITS is the DP's setting: its properties turn it off.
        command('dp-properties', 'Distribution Point Properties', () => shell.openPopup({ kind: 'dp-properties', name: dp.name, mode: dp.mode }), { icon: ServerRegular }),
      ],
    },
    'dp-group': {
      label: (group) => group.name,
      actions: (group, { shell }) => [
        command('properties', 'Properties', () => shell.openPopup({ kind: 'dp-group-properties', name: group.name }), { icon: SettingsRegular }),
        command('delete', 'Delete', () => shell.openPopup({ kind: 'delete-dp-group', group }), { icon: DeleteRegular, shortcut: 'Del' }),
      ],
    },
    'site-component': {
      label: (component) => component.label,
      actions: (_, { shell }) => [command('properties', 'Properties', () => shell.openPopup({ kind: 'distmgr-properties' }), { icon: SettingsRegular })],
    },
  },
  popups: {
    'new-site-system': {
      render: ({ mode }, { stores, shell, close }) => (
        <NewSiteSystemWizard
          open
          mode={mode}
          siteCode={stores.site.getState().info?.siteCode ?? ''}
          onClose={close}
          onCreated={(dp) => {
            stores.siteSystems.getState().upsertDp(dp);
            shell.selectRows({ kind: 'site-systems' }, [dp.serverName]);
            shell.setStatus(`Added site system ${dp.serverName} with the distribution point role (${dp.name}).`);
          }}
        />
      ),
    },
    'dp-properties': {
      render: ({ name, mode }, { stores, shell, close }) => <DpPropertiesDialog name={name} mode={mode} store={stores.siteSystems} onClose={close} onStatus={shell.setStatus} />,
    },
    'delete-dps': {
      render: ({ dps, serverName }, { stores, shell, close }) => (
        <DeleteDpsDialog
          dps={dps}
          serverName={serverName}
          onClose={close}
          onDeleted={(outcomes) => {
            const gone = outcomes.filter((o) => o.deleted).map((o) => o.name);
            const drop = () => void stores.siteSystems.getState().load();
            if (serverName === null) shell.rowsDeleted(gone, drop);
            else drop();
            shell.setStatus(outcomes.map((o) => o.summary).join(' '));
          }}
        />
      ),
    },
    'new-dp-group': {
      render: (_, { stores, shell, close }) => (
        <DpGroupDialog
          group={null}
          dpNames={sortByText(stores.siteSystems.getState().dps.items, (d) => d.name).map((d) => d.name)}
          onClose={close}
          onSaved={(group) => {
            stores.siteSystems.getState().upsertGroup(group);
            shell.selectRows({ kind: 'dp-groups' }, [group.name]);
            shell.setStatus(`Created distribution point group ${group.name}.`);
          }}
        />
      ),
    },
    'dp-group-properties': {
      render: ({ name }, { stores, shell, close }) => {
        const group = stores.siteSystems.getState().groups.items.find((g) => byName(g.name, name)) ?? null;
        // Deleted elsewhere between the click and now: there is nothing to show.
        if (group === null) return <CloseAtOnce onClose={close} />;
        return (
          <DpGroupDialog
            group={group}
            dpNames={sortByText(stores.siteSystems.getState().dps.items, (d) => d.name).map((d) => d.name)}
            onClose={close}
            onSaved={(saved) => {
              if (saved.name !== group.name) shell.renameRow(group.name, saved.name);
              void stores.siteSystems.getState().load();
              shell.setStatus(`Saved distribution point group ${saved.name}.`);
            }}
          />
        );
      },
    },
    'delete-dp-group': {
      render: ({ group }, { stores, shell, close }) => (
        <DeleteDpGroupDialog
          group={group}
          onClose={close}
          onDeleted={(remaining) => {
            shell.rowsDeleted([group.name], () => stores.siteSystems.getState().replaceGroups(remaining));
            shell.setStatus(`Deleted distribution point group ${group.name}.`);
          }}
        />
      ),
    },
    'content-service-properties': {
      render: ({ serverName }, { stores, shell, close }) => <ContentServiceDialog store={stores.siteSystems} serverName={serverName} onClose={close} onStatus={shell.setStatus} />,
    },
    'distmgr-properties': {
      render: (_, { shell, close }) => <DistmgrPropertiesDialog onClose={close} onStatus={shell.setStatus} />,
    },
  },
  start: (stores, bridge) => {
    void stores.siteSystems.getState().load();
    return followSiteSystemChanges(stores.siteSystems, bridge);
  },
  activity: (stores) => {
    const { dps } = stores.siteSystems.getState();
    return { busy: dps.refreshing || dps.status === 'loading', message: null };
  },
};
