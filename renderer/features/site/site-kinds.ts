import type { NoFields } from '../../console/no-fields';

/** The site's own nodes: the root of the console tree and the suite's top folders. */
export interface SiteNodeKinds {
  readonly 'site-database': NoFields;
  readonly 'computer-management': NoFields;
  readonly 'software-distribution': NoFields;
  readonly 'site-settings': NoFields;
  readonly 'system-status': NoFields;
}
