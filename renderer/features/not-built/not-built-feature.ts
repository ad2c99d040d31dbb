import {
  DocumentSearchRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { NodeKind } from '../../console/node-kinds';
import type { FeatureRegistration, NodeRegistration } from '../../shell/registration';
import type { NotBuiltNodeKinds } from './not-built-kinds';

function notBuilt<K extends NodeKind>(label: string, icon: FluentIcon, description: string, message: string): NodeRegistration<K> {
  return { label, icon, description, details: { kind: 'not-built', message } };
}

/**
 * The suite's nodes whose features are not built yet: each says so plainly, offers Help only, and
 * is replaced by its feature's registration when that feature lands.
 */
export const notBuiltFeature: FeatureRegistration<keyof NotBuiltNodeKinds> = {
  nodes: {
    'status-message-queries': notBuilt(
      'Status Message Queries',
      DocumentSearchRegular,
      'Saved searches over the status messages of the site.',
      'Status message queries arrive with the status feature; nothing to show yet.',
    ),
  },
  rows: {},
  popups: {},
};
