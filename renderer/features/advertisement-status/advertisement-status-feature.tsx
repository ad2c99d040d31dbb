import { DesktopPulseRegular, MegaphoneLoudRegular, MegaphoneRegular } from '@fluentui/react-icons';
import type { AdvertisementSummaryDto } from '../../../core/api';
import { command, separator } from '../../components/action-menu';
import { sortByText } from '../../components/data-grid';
import type { ConsoleNode } from '../../console/node-kinds';
import { detailsRows } from '../../console/row-kinds';
import type { ConsoleStores } from '../../console/console-stores';
import type { FeatureRegistration, ShellApi } from '../../shell/registration';
import { showMessagesInViewer } from '../status-viewer/show-messages';
import type { AdvertisementStatusNodeKinds, AdvertisementStatusRowKinds } from './advertisement-status-kinds';
import { AdvertisementSitesView, AdvertisementStatusView, siteRowKey, siteRowsOf } from './advertisement-status-view';

const summaryOf = (advertisementId: string, stores: ConsoleStores): AdvertisementSummaryDto | undefined =>
  stores.advertisementStatus.getState().list.items.find((a) => a.advertisementId === advertisementId);

// The tree is rebuilt whenever a store changes; the children are sorted again only when the summaries changed.
const childNodes = new WeakMap<readonly AdvertisementSummaryDto[], readonly ConsoleNode[]>();

function childrenOf(items: readonly AdvertisementSummaryDto[]): readonly ConsoleNode[] {
  let nodes = childNodes.get(items);
  if (nodes === undefined) {
    nodes = sortByText(items, (a) => a.advertisementName).map((a) => ({ kind: 'advertisement-status-item', advertisementId: a.advertisementId }));
    childNodes.set(items, nodes);
  }
  return nodes;
}

const about = (advertisementId: string, name: string | undefined) => (name === undefined ? `advertisement ${advertisementId}` : `advertisement ${name} (${advertisementId})`);

function clientStatus(advertisementId: string, name: string, shell: ShellApi) {
  return command('client-status', 'Client Status', () => shell.openPopup({ kind: 'advertisement-client-status', advertisementId, name }), { icon: DesktopPulseRegular });
}

/**
 * System Status › Advertisement Status: every advertisement's counts, and under each its
 * counts per site, with Show Messages and the clients' states (docs/console.md#system-status).
 */
export const advertisementStatusFeature: FeatureRegistration<keyof AdvertisementStatusNodeKinds, keyof AdvertisementStatusRowKinds> = {
  nodes: {
    'advertisement-status': {
      label: 'Advertisement Status',
      icon: MegaphoneLoudRegular,
      description: 'For every advertisement, how many clients received and ran it.',
      children: (_, stores) => childrenOf(stores.advertisementStatus.getState().list.items),
      // Pending only while a read runs: the summaries are read when a view shows them, not when
      // the console opens, so a selection remembered below waits for nothing that never comes
      // (it falls back here, and this node's view reads them).
      childrenPending: (_, stores) => {
        const { asked, list } = stores.advertisementStatus.getState();
        return asked && list.status === 'loading';
      },
      details: {
        kind: 'list',
        View: AdvertisementStatusView,
        // Each row is an advertisement's node: Enter opens it, its menu is the node's.
        rows: (_, keys, source) => detailsRows('child-node', keys.map((key) => source.childItem(key)).filter((item) => item !== undefined)),
        count: (_, stores) => {
          const list = stores.advertisementStatus.getState().list;
          return list.status === 'ready' ? list.items.length : null;
        },
      },
      refresh: (_, stores) => stores.advertisementStatus.getState().load(),
    },
    'advertisement-status-item': {
      label: ({ advertisementId }, stores) => summaryOf(advertisementId, stores)?.advertisementName ?? advertisementId,
      icon: MegaphoneRegular,
      description: 'An advertisement: how many clients at each site received and ran it.',
      idSegment: (node) => node.advertisementId,
      details: {
        kind: 'list',
        View: AdvertisementSitesView,
        rows: ({ advertisementId }, keys, { stores }) => {
          const rows = siteRowsOf(summaryOf(advertisementId, stores));
          return detailsRows('advertisement-status-site', keys.map((key) => rows.find((row) => siteRowKey(row) === key)).filter((row) => row !== undefined));
        },
        count: ({ advertisementId }, stores) => {
          const list = stores.advertisementStatus.getState().list;
          return list.status === 'ready' ? siteRowsOf(summaryOf(advertisementId, stores)).length : null;
        },
      },
      actions: ({ advertisementId }, { stores, shell }) => {
        const name = summaryOf(advertisementId, stores)?.advertisementName;
        return [
          showMessagesInViewer({ advertisementId, about: about(advertisementId, name) }, shell),
          separator('after-messages'),
          clientStatus(advertisementId, name ?? advertisementId, shell),
        ];
      },
      refresh: (_, stores) => stores.advertisementStatus.getState().load(),
    },
  },
  rows: {
    'advertisement-status-site': {
      label: (row) => `${row.advertisementName} at site ${row.siteCode}`,
      actions: (row, { shell }) => [
        // The row's counts are of the messages reported at its site: the viewer shows those same ones.
        showMessagesInViewer(
          { advertisementId: row.advertisementId, siteCode: row.siteCode, about: `${about(row.advertisementId, row.advertisementName)} at site ${row.siteCode}` },
          shell,
        ),
        separator('after-messages'),
        // Enter or double-click on a site row shows its clients' states.
        { ...clientStatus(row.advertisementId, row.advertisementName, shell), id: 'open' },
      ],
    },
  },
  popups: {},
};
