import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { CourierBridge, CourierClient } from '../../core/api';
import { createSiteNotices, reportingNotices, type SiteNoticesState } from './site-notices';

/** The console's connection to its site: the bridge every request goes through, and the notices its answers brought. */
export interface SiteConnection {
  readonly bridge: CourierBridge;
  readonly notices: StoreApi<SiteNoticesState>;
}

/**
 * Connects over a transport (renderer/bridge in the console window, a fake in tests). The
 * console's stores must be made from the connection's bridge too, so that no answer's notice
 * escapes the bar.
 */
export function connectConsole(transport: CourierBridge): SiteConnection {
  const notices = createSiteNotices();
  return { notices, bridge: reportingNotices(transport, (texts) => notices.getState().add(texts)) };
}

const CourierContext = createContext<SiteConnection | null>(null);

export interface CourierProviderProps {
  readonly connection: SiteConnection;
  readonly children: ReactNode;
}

/** Gives every component below the connection to the site: requests, the core's events, and the answers' notices. */
export function CourierProvider({ connection, children }: CourierProviderProps): ReactNode {
  return <CourierContext.Provider value={connection}>{children}</CourierContext.Provider>;
}

function useConnection(): SiteConnection {
  const connection = useContext(CourierContext);
  if (connection === null) throw new Error('No CourierProvider above this component: the console window and test helpers provide one.');
  return connection;
}

/** The connection to the site; components reach the core only through this. */
export function useCourierBridge(): CourierBridge {
  return useConnection().bridge;
}

/** The typed client of the contract: one method per request channel. */
export function useCourier(): CourierClient {
  return useCourierBridge().requests;
}

/** What the site server said beside its answers, newest first, until dismissed. */
export function useSiteNotices(): SiteNoticesState {
  return useStore(useConnection().notices);
}
