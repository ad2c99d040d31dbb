import type { ClientAgentName } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface ClientAgentsNodeKinds {
  readonly 'client-agents': NoFields;
}

export interface ClientAgentsRowKinds {
  /** A client agent of the suite; `agent` is null for one Courier does not configure. */
  readonly 'client-agent': { readonly agent: ClientAgentName | null; readonly label: string };
}

export interface ClientAgentsPopupKinds {
  readonly 'advertised-programs-properties': NoFields;
}
