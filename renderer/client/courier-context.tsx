import { createContext, useContext, type ReactNode } from 'react';
import type { CourierBridge, CourierClient } from '../../core/api';

const CourierContext = createContext<CourierBridge | null>(null);

export interface CourierProviderProps {
  /** The transport (renderer/bridge in the console window, a fake in tests). */
  readonly bridge: CourierBridge;
  readonly children: ReactNode;
}

/** Gives every component below the connection to the site: requests and the core's events. */
export function CourierProvider({ bridge, children }: CourierProviderProps): ReactNode {
  return <CourierContext.Provider value={bridge}>{children}</CourierContext.Provider>;
}

/** The connection to the site; components reach the core only through this. */
export function useCourierBridge(): CourierBridge {
  const bridge = useContext(CourierContext);
  if (bridge === null) throw new Error('No CourierProvider above this component: the console window and test helpers provide one.');
  return bridge;
}

/** The typed client of the contract: one method per request channel. */
export function useCourier(): CourierClient {
  return useCourierBridge().requests;
}
