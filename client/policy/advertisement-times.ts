import { advertisementOptionsOf, type AdvertisementOptions } from '../../core/domain/advertisement-flags';
import type { ClientOfferBody } from './offer-body-schema';

/**
 * The advertisement's start ("available after") and expiry as instants on this client. A time
 * is wall-clock text; its TimeFlags GMT bit makes it UTC, so every client starts at the same
 * instant, and without it each client reads it in its own time zone (3:00 in New York, then 3:00
 * in Chicago an hour later).
 */
export interface AdvertisementWindow {
  /** null: no start time is set, so it is available as soon as it is received. */
  readonly availableFrom: Date | null;
  /** null: it never expires. */
  readonly expiresAt: Date | null;
}

/** `YYYY-MM-DDTHH:MM` (already checked by the offer body schema) as an instant. */
export function instantOf(text: string, isGmt: boolean): Date {
  const [year, month, day, hour, minute] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return isGmt ? new Date(Date.UTC(year, month - 1, day, hour, minute)) : new Date(year, month - 1, day, hour, minute);
}

/** The options the suite's numbers decode to: the numbers are what the suite sends, so they decide. */
export function optionsOf(body: ClientOfferBody): AdvertisementOptions {
  const { advertFlags, remoteClientFlags, timeFlags } = body.advertisement;
  return advertisementOptionsOf({ advertFlags, remoteClientFlags, timeFlags, priority: 2 });
}

export function advertisementWindowOf(body: ClientOfferBody, options: AdvertisementOptions = optionsOf(body)): AdvertisementWindow {
  const { presentTime, expirationTime } = body.advertisement;
  return {
    availableFrom: options.present.enabled ? instantOf(presentTime, options.present.isGmt) : null,
    expiresAt: options.expiration.enabled && expirationTime !== null ? instantOf(expirationTime, options.expiration.isGmt) : null,
  };
}
