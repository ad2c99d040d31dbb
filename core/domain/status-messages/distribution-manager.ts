import { statusAttributeIds as a } from '../../api';
import type { ComponentMessages, StatusMessageDefinition } from './catalogue';

export const distributionManagerComponent = 'SMS_DISTRIBUTION_MANAGER';

const pkg = ['package name', 'package ID'];
const pkgOnDp = ['package ID', 'distribution point (NAL path)'];

/**
 * SMS_DISTRIBUTION_MANAGER's messages (the 23xx range). The meanings marked `suite` are those the
 * suite's public documentation gives (Configuration Manager 2007's package distribution flow);
 * the wording is ours. The others are Courier's own, for steps the Distribution Manager takes
 * whose numbers the suite's public text does not tie to a meaning.
 */
const messages: readonly StatusMessageDefinition[] = [
  { id: 2300, severity: 'info', type: 'milestone', origin: 'suite', strings: pkg, attributes: [a.packageId],
    text: 'Distribution Manager is beginning to process package "%1" (package ID = %2).' },
  { id: 2301, severity: 'info', type: 'milestone', origin: 'suite', strings: pkg, attributes: [a.packageId],
    text: 'Distribution Manager successfully processed package "%1" (package ID = %2).' },
  { id: 2302, severity: 'error', type: 'milestone', origin: 'suite', strings: [...pkg, 'reason'], attributes: [a.packageId],
    text: 'Distribution Manager failed to process package "%1" (package ID = %2): %3 Distribution Manager will try again later; earlier messages for this package tell more.' },
  { id: 2303, severity: 'info', type: 'milestone', origin: 'courier', strings: pkg, attributes: [a.packageId],
    text: 'Distribution Manager removed package "%1" (package ID = %2) from the site: its distribution points no longer hold it.' },
  { id: 2304, severity: 'warning', type: 'milestone', origin: 'courier', strings: [...pkg, 'retry', 'retries allowed', 'minutes'], attributes: [a.packageId],
    text: 'Distribution Manager is retrying package "%1" (package ID = %2): attempt %3 of %4, in %5 minutes.' },
  { id: 2306, severity: 'error', type: 'milestone', origin: 'courier', strings: ['source directory', 'package ID'], attributes: [a.packageId],
    text: 'The source directory "%1" of package %2 does not exist. Check the Data Source page of the package\'s properties, and that the site server can reach the folder.' },
  { id: 2307, severity: 'error', type: 'milestone', origin: 'courier', strings: ['source directory', 'package ID', 'error'], attributes: [a.packageId],
    text: 'Distribution Manager cannot read the source directory "%1" of package %2: %3' },
  { id: 2310, severity: 'info', type: 'detail', origin: 'courier', strings: ['package ID', 'source version'], attributes: [a.packageId, a.packageVersion],
    text: 'Distribution Manager is taking a snapshot of the source files of package %1 (source version %2).' },
  { id: 2311, severity: 'info', type: 'milestone', origin: 'suite', strings: ['package ID', 'source version'], attributes: [a.packageId, a.packageVersion],
    text: 'Distribution Manager successfully created or updated package %1 (source version %2).' },
  { id: 2312, severity: 'error', type: 'milestone', origin: 'courier', strings: ['package ID', 'error'], attributes: [a.packageId],
    text: 'Distribution Manager failed to create or update package %1: %2' },
  { id: 2315, severity: 'info', type: 'milestone', origin: 'courier', strings: [...pkg, 'schedule', 'occurrence', 'source version', 'distribution points'], attributes: [a.packageId, a.packageVersion],
    text: 'The update schedule of package "%1" (package ID = %2), %3, fell due at %4: Distribution Manager is sending source version %5, read from the source directory as it is now, to the package\'s %6 distribution points (Update Distribution Points).' },
  { id: 2323, severity: 'error', type: 'milestone', origin: 'courier', strings: ['distribution point (NAL path)', 'error'], attributes: [a.distributionPoint],
    text: 'Distribution Manager failed to connect to distribution point %1: %2 Check that the server is on, that its share exists, and that the site server\'s account may write to it.' },
  { id: 2324, severity: 'error', type: 'milestone', origin: 'courier', strings: ['network path', 'error'], attributes: [a.distributionPoint],
    text: 'Distribution Manager failed to access the network location %1: %2' },
  { id: 2328, severity: 'error', type: 'milestone', origin: 'suite', strings: [...pkgOnDp, 'error'], attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager failed to copy package %1 to distribution point %2: %3 It will try again.' },
  { id: 2329, severity: 'info', type: 'detail', origin: 'courier', strings: [...pkgOnDp, 'files copied', 'bytes copied'], attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager copied %3 files (%4 bytes) of package %1 to distribution point %2.' },
  { id: 2330, severity: 'info', type: 'milestone', origin: 'suite', strings: pkgOnDp, attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager successfully distributed package %1 to distribution point %2.' },
  { id: 2332, severity: 'info', type: 'milestone', origin: 'courier', strings: pkgOnDp, attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager successfully removed package %1 from distribution point %2.' },
  { id: 2339, severity: 'info', type: 'milestone', origin: 'suite', strings: ['package ID', 'child site'], attributes: [a.packageId],
    text: 'Distribution Manager instructed Scheduler and Sender to send package %1 to child site %2.' },
  { id: 2342, severity: 'info', type: 'milestone', origin: 'suite', strings: pkgOnDp, attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager started distributing package %1 to distribution point %2.' },
  { id: 2343, severity: 'info', type: 'milestone', origin: 'courier', strings: pkgOnDp, attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager started removing package %1 from distribution point %2.' },
  { id: 2345, severity: 'warning', type: 'milestone', origin: 'courier', strings: [...pkgOnDp, 'users', 'attempt', 'attempts', 'minutes'], attributes: [a.packageId, a.distributionPoint],
    text: 'Users are connected to package %1 on distribution point %2 (%3), so its files cannot be replaced yet: attempt %4 of %5. Distribution Manager looks again in %6 minutes, and disconnects them after the last attempt.' },
  { id: 2346, severity: 'warning', type: 'milestone', origin: 'courier', strings: [...pkgOnDp, 'users disconnected'], attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager disconnected %3 users from package %1 on distribution point %2 to replace its files (Disconnect users from distribution points).' },
  { id: 2344, severity: 'error', type: 'milestone', origin: 'courier', strings: [...pkgOnDp, 'error'], attributes: [a.packageId, a.distributionPoint],
    text: 'Distribution Manager failed to remove package %1 from distribution point %2: %3 It will try again.' },
];

export const distributionManagerMessages: ComponentMessages = { component: distributionManagerComponent, messages };
