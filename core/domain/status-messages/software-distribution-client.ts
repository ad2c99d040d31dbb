import { statusAttributeIds as a } from '../../api';
import type { ComponentMessages, StatusMessageDefinition } from './catalogue';

/** The component the client's software distribution messages come from (execmgr on SMS 2003 and SCCM 2007). */
export const softwareDistributionClientComponent = 'Software Distribution';

/**
 * Every message lays out its insertion strings alike (the SMS_SoftwareDistribution_Event classes
 * name %1 the advertisement, %4 the package and %5 the program): %2 the site code for an
 * acceptance or the exit code for a run's end, %3 the reason or the status MIF's description.
 */
const strings = ['advertisement ID', 'site code or exit code', 'reason or description', 'package ID', 'program name'];
const about = [a.packageId, a.advertisementId];
const message = (id: number, severity: StatusMessageDefinition['severity'], origin: StatusMessageDefinition['origin'], text: string): StatusMessageDefinition => ({
  id,
  severity,
  type: 'milestone',
  origin,
  // As many as the text uses: the client sends all five, the viewer names those it shows.
  strings: strings.slice(0, Math.max(...[...text.matchAll(/%(\d+)/g)].map((m) => Number(m[1])))),
  attributes: about,
  text,
});

/**
 * The 100xx messages: the meanings the suite documents (KB 916797, Q263700, Q321580, 839513), in
 * Courier's words, and 10060–10064 for what the suite reports only in the client's logs, so the
 * console can show a client waiting, downloading or about to retry.
 */
const messages: readonly StatusMessageDefinition[] = [
  message(10000, 'error', 'suite', 'The advertisement %1 received from the management point cannot be read, so it will not run: %3'),
  message(10002, 'info', 'suite', 'The program "%5" of package %4 was received for advertisement %1 from site %2; it passed the platform checks.'),
  message(10003, 'error', 'suite', 'The program "%5" of package %4 for advertisement %1 could not be started: %3'),
  message(10005, 'info', 'suite', 'The program "%5" of package %4 for advertisement %1 has started.'),
  message(10006, 'error', 'suite', 'The program "%5" of package %4 for advertisement %1 failed: it ended with exit code %2. %3'),
  message(10007, 'error', 'suite', 'The program "%5" of package %4 for advertisement %1 failed: its status MIF says "%3" (exit code %2).'),
  message(10008, 'info', 'suite', 'The program "%5" of package %4 for advertisement %1 completed successfully (exit code %2).'),
  message(10009, 'info', 'suite', 'The program "%5" of package %4 for advertisement %1 completed successfully: its status MIF says "%3" (exit code %2).'),
  message(10018, 'warning', 'suite', 'The program "%5" of package %4 for advertisement %1 from site %2 was rejected: %3'),
  message(10022, 'info', 'suite', 'The program "%5" of package %4 for advertisement %1 completed (exit code %2); a restart of the computer is pending to finish it.'),
  message(10050, 'error', 'suite', 'The content of package %4 for advertisement %1 is larger than the whole download cache, so the program "%5" will not run: %3'),
  message(10060, 'info', 'courier', 'The program "%5" of package %4 for advertisement %1 is waiting: %3'),
  message(10061, 'info', 'courier', 'The client is downloading the content of package %4 for advertisement %1: %3'),
  message(10062, 'warning', 'courier', 'The download of package %4 for advertisement %1 failed and will be tried again: %3'),
  message(10063, 'warning', 'courier', 'The program "%5" of package %4 for advertisement %1 failed with exit code %2, which is worth another try; it will run again later. %3'),
  message(10064, 'warning', 'courier', 'The copy of package %4 on distribution point %2 is damaged and was not used for advertisement %1 (the content comes from another distribution point, or is tried again later): %3'),
];

export const softwareDistributionClientMessages: ComponentMessages = { component: softwareDistributionClientComponent, messages };
