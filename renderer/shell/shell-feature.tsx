import { FolderOpenRegular } from '@fluentui/react-icons';
import { useStore } from 'zustand';
import { command, separator } from '../components/action-menu';
import type { ConsoleStores } from '../console/console-stores';
import { AboutDialog } from './about-dialog';
import { CloseTabDialog } from './close-tab-dialog';
import { HelpDialog } from './help-dialog';
import type { FeatureRegistration } from './registration';

function About({ stores, onClose }: { readonly stores: ConsoleStores; readonly onClose: () => void }) {
  const site = useStore(stores.site, (s) => s.info);
  return <AboutDialog site={site} onClose={onClose} />;
}

/** What the shell registers itself: tree nodes as rows, and the Help, About and Exit dialogs. */
export const shellFeature: FeatureRegistration<never, 'node' | 'child-node', 'help' | 'about' | 'close-tab'> = {
  nodes: {},
  rows: {
    node: {
      label: (item) => item.label,
      actions: (item, env) => env.shell.nodeActions(item),
    },
    'child-node': {
      label: (item) => item.label,
      actions: (item, env) => [
        command('open', 'Open', () => env.shell.open(item), { icon: FolderOpenRegular }),
        separator('after-open'),
        ...env.shell.nodeActions(item),
      ],
    },
  },
  popups: {
    help: { render: (popup, env) => <HelpDialog topic={popup.topic} description={popup.description} note={popup.note} onClose={env.close} /> },
    about: { render: (_, env) => <About stores={env.stores} onClose={env.close} /> },
    'close-tab': { render: (_, env) => <CloseTabDialog onClose={env.close} /> },
  },
};
