import type { Migration } from './migration';
import { migration0001 } from './0001-site-and-packages';
import { migration0002 } from './0002-programs-and-access-accounts';
import { migration0003 } from './0003-outbox-and-events';
import { migration0004 } from './0004-site-settings';
import { migration0005 } from './0005-status-messages';
import { migration0006 } from './0006-distribution-points';
import { migration0007 } from './0007-update-schedule-runs';
import { migration0008 } from './0008-resources-and-collections';
import { migration0009 } from './0009-client-agents';
import { migration0010 } from './0010-advertisements';
import { migration0011 } from './0011-offers-and-policy';
import { migration0012 } from './0012-update-schedule-index';
import { migration0013 } from './0013-collection-evaluation';
import { migration0014 } from './0014-lookup-files-version';
import { migration0015 } from './0015-policy-from-membership';
import { migration0016 } from './0016-site-boundaries';
import { migration0017 } from './0017-management-point-clients';
import { migration0018 } from './0018-management-point-service';
import { migration0019 } from './0019-content-service';
import { migration0020 } from './0020-advertisement-client-states';
import { migration0021 } from './0021-package-source-versions';
import { migration0022 } from './0022-status-summaries';
import { migration0023 } from './0023-status-message-queries';

/** Append-only: add the next file at the end; the ledger refuses edited history. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020, migration0021, migration0022, migration0023];
export type { Migration } from './migration';
