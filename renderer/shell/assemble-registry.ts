import type { ConsoleNode, NodeKind } from '../console/node-kinds';
import type { PopupKind } from '../console/popup-kinds';
import type { RowKind } from '../console/row-kinds';
import type { AnyFeature, ConsoleRegistry, NodeRegistry, PopupRegistry, RowRegistry } from './registration';

type Part = 'nodes' | 'rows' | 'popups';

/** The kinds the features register for one part (distributes over the features). */
type Registered<F extends readonly AnyFeature[], P extends Part> = F[number] extends infer X ? (X extends AnyFeature ? keyof X[P] : never) : never;

type Missing<F extends readonly AnyFeature[]> = {
  readonly nodes: Exclude<NodeKind, Registered<F, 'nodes'>>;
  readonly rows: Exclude<RowKind, Registered<F, 'rows'>>;
  readonly popups: Exclude<PopupKind, Registered<F, 'popups'>>;
};

/** Nothing when every kind is registered; otherwise a required property whose type names the kinds no feature registers. */
type CoversEveryKind<F extends readonly AnyFeature[]> =
  [Missing<F>[Part]] extends [never] ? unknown : { readonly 'kinds no feature registers': Missing<F>[Part] };

function merged<T>(features: readonly AnyFeature[], part: Part): T {
  const out: Record<string, unknown> = {};
  for (const feature of features) {
    for (const [kind, registration] of Object.entries(feature[part])) {
      if (kind in out) throw new Error(`Two features register the ${part === 'nodes' ? 'node' : part === 'rows' ? 'row' : 'popup'} kind '${kind}'.`);
      out[kind] = registration;
    }
  }
  return out as T;
}

/**
 * The console's registry from its features. It does not compile while a declared kind has no
 * registration (the error names the kinds), and it throws when two features register one kind.
 */
export function assembleRegistry<const F extends readonly AnyFeature[]>(root: ConsoleNode, features: F & CoversEveryKind<F>): ConsoleRegistry {
  return {
    root,
    nodes: merged<NodeRegistry>(features, 'nodes'),
    rows: merged<RowRegistry>(features, 'rows'),
    popups: merged<PopupRegistry>(features, 'popups'),
    features,
  };
}
