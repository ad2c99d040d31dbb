import type { StatusQueryDto, StatusQueryValues } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface StatusQueriesNodeKinds {
  /** System Status › Status Message Queries: the built-in queries and the site's own. */
  readonly 'status-message-queries': NoFields;
}

export interface StatusQueriesRowKinds {
  readonly 'status-query': StatusQueryDto;
}

export interface StatusQueriesPopupKinds {
  /** Show Messages on a query with prompts: its values first. */
  readonly 'status-query-prompts': { readonly query: StatusQueryDto };
  /** Show Messages on a query with no time of its own: the viewing period, then the viewer. */
  readonly 'status-query-viewing-period': { readonly query: StatusQueryDto; readonly values: StatusQueryValues };
  /** New Query… (null) or a query's Properties (read-only for a built-in). */
  readonly 'status-query-properties': { readonly query: StatusQueryDto | null };
  readonly 'delete-status-query': { readonly query: StatusQueryDto };
}
