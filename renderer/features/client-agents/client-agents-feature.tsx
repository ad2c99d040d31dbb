import { PlugConnectedRegular, SettingsRegular } from '@fluentui/react-icons';
import { command } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { AdvertisedProgramsDialog } from './advertised-programs-dialog';
import type { ClientAgentsNodeKinds, ClientAgentsPopupKinds, ClientAgentsRowKinds } from './client-agents-kinds';
import { clientAgents, ClientAgentsView } from './client-agents-view';

/** Site Settings › Client Agents and the Advertised Programs Client Agent's properties (docs/client-agents.md). */
export const clientAgentsFeature: FeatureRegistration<keyof ClientAgentsNodeKinds, keyof ClientAgentsRowKinds, keyof ClientAgentsPopupKinds> = {
  nodes: {
    'client-agents': {
      label: 'Client Agents',
      icon: PlugConnectedRegular,
      description: 'Settings for the agents that run on client computers.',
      details: {
        kind: 'list',
        View: ClientAgentsView,
        rows: (_, keys) => detailsRows('client-agent', clientAgents.filter((a) => keys.includes(a.label))),
        count: () => clientAgents.length,
      },
    },
  },
  rows: {
    'client-agent': {
      label: (agent) => agent.label,
      // The agents Courier does not configure offer Help only.
      actions: (agent, { shell }) =>
        agent.agent === null ? [] : [command('properties', 'Properties', () => shell.openPopup({ kind: 'advertised-programs-properties' }), { icon: SettingsRegular })],
    },
  },
  popups: {
    'advertised-programs-properties': {
      render: (_, { shell, close }) => <AdvertisedProgramsDialog onClose={close} onStatus={shell.setStatus} />,
    },
  },
};
