import { useEffect, useState } from 'react';
import type { StatusMessageDto } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import type { MessageFilter } from './package-dps-store';
import { newestRecordId, tellsOfNew, withNewer } from './status-message-window';

/** The most recent messages shown; the Status Message Viewer pages through the rest. */
export const shownMessages = 200;

/** At most one read per this many milliseconds while messages keep coming. */
const rereadGapMs = 500;

export type MessagesRead =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly messages: readonly StatusMessageDto[] }
  | { readonly status: 'error'; readonly error: string };

/**
 * A package's status messages (attribute 400, and 404 for one DP), newest first, kept live: when
 * status-messages:added tells of new ones for the package, only those after the newest held are
 * read and put on top, at most one read per `rereadGapMs` and never two at once. The grid stays
 * as it is meanwhile, its scroll position and selection included.
 */
export function usePackageMessages(packageId: string, nalPath: string | null, filter: MessageFilter): MessagesRead {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [read, setRead] = useState<MessagesRead>({ status: 'loading' });

  useEffect(() => {
    let closed = false;
    let held: readonly StatusMessageDto[] | null = null;
    let reading = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRead = 0;
    const query = {
      packageId,
      order: 'newest' as const,
      limit: shownMessages,
      ...(nalPath !== null ? { distributionPoint: nalPath } : {}),
      ...(filter !== 'all' ? { severity: filter } : {}),
    };
    const load = async () => {
      reading = true;
      lastRead = Date.now();
      const since = held;
      const result = await settle(() => courier['status:messages'](since === null ? query : { ...query, afterRecordId: newestRecordId(since) }));
      reading = false;
      if (closed) return;
      if (result.ok) {
        // More new ones than a page: the page is the newest, and what was held is older than all of it.
        held = since === null || result.value.nextCursor !== null ? result.value.messages : withNewer(since, result.value.messages, shownMessages);
        setRead({ status: 'ready', messages: held });
      } else if (since === null) {
        setRead({ status: 'error', error: result.error.message });
      }
      // A failed read of new messages leaves the list as it was; the next event reads again.
      if (again) {
        again = false;
        soon();
      }
    };
    const soon = () => {
      if (reading) {
        again = true;
        return;
      }
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, Math.max(0, lastRead + rereadGapMs - Date.now()));
    };
    setRead({ status: 'loading' });
    void load();
    const unsubscribe = bridge.subscribe('status-messages:added', (event) => {
      if (tellsOfNew(event, packageId, held === null ? 0 : newestRecordId(held))) soon();
    });
    return () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [courier, bridge, packageId, nalPath, filter]);

  return read;
}
