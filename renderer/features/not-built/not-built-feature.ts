import type { FluentIcon } from '@fluentui/react-icons';
import type { NodeKind } from '../../console/node-kinds';
import type { FeatureRegistration, NodeRegistration } from '../../shell/registration';
import type { NotBuiltNodeKinds } from './not-built-kinds';

/** A placeholder node: it says so plainly and offers Help only, until its feature replaces it. */
export function notBuilt<K extends NodeKind>(label: string, icon: FluentIcon, description: string, message: string): NodeRegistration<K> {
  return { label, icon, description, details: { kind: 'not-built', message } };
}

/**
 * The suite's nodes whose features are not built yet, each registered with notBuilt and replaced
 * by its feature's registration when that feature lands. None is left today.
 */
export const notBuiltFeature: FeatureRegistration<keyof NotBuiltNodeKinds> = {
  nodes: {},
  rows: {},
  popups: {},
};
