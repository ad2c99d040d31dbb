import { z } from 'zod';
import { collectionIdSchema } from '../../core/api';
import { decodeScheduleToken, ScheduleTokenError } from '../../core/formats/schedule-token';
import type { ClientProgram } from './offer-body-schema';

/**
 * What the agent knows about the machine it runs on when it evaluates an advertisement: the
 * machine, who is logged on, what ran here before, the maintenance windows of its collections,
 * the events it has seen, and the time.
 */

/** Win32_OperatingSystem as the suite's SMS_OS_Details names it: `Win NT`, `I386`, `5.10.2600.0`. */
export interface MachineInfo {
  readonly platform: 'I386' | 'x64' | 'IA64';
  readonly osName: string;
  readonly osVersion: string;
}

/** Who is logged on: nobody, or one user as `DOMAIN\name` (read from the OS, or set by a test). */
export type Session = { readonly kind: 'none' } | { readonly kind: 'user'; readonly user: string };

/** One run of a program on this machine, as the agent's execution history keeps it. */
export interface ProgramRun {
  readonly advertisementId: string;
  readonly packageId: string;
  readonly programName: string;
  /** `DOMAIN\name` for a program run for a user; null for a run for the computer. */
  readonly user: string | null;
  readonly at: Date;
  readonly result: 'success' | 'failure';
}

/** A maintenance window of a collection this client is in, as the management point sends it. */
export const clientMaintenanceWindowSchema = z
  .object({
    collectionId: collectionIdSchema,
    name: z.string({ error: 'The window name is text.' }).min(1, 'The window name is required.').max(100, 'The window name is at most 100 characters.'),
    token: z.string({ error: 'The window schedule is text.' }).superRefine((token, ctx) => {
      try {
        decodeScheduleToken(token);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof ScheduleTokenError ? error.message : String(error) });
      }
    }),
    /**
     * How long each occurrence lasts. The suite keeps it in the token's duration fields; Courier's
     * collections keep it beside the token, so a management point may send it here instead.
     */
    durationMinutes: z.number({ error: 'The window duration is a number.' }).int('The window duration is whole minutes.').min(1, 'A window lasts 1 to 1440 minutes.').max(1440, 'A window lasts 1 to 1440 minutes.').optional(),
  })
  .superRefine((window, ctx) => {
    if (window.durationMinutes === undefined && tokenMinutes(window.token) === 0) {
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'The window has no duration: neither its token nor durationMinutes gives one.' });
    }
  });

/** The duration a token carries, in minutes (0 when it does not decode). */
export function tokenMinutes(token: string): number {
  try {
    const s = decodeScheduleToken(token);
    return s.dayDuration * 1440 + s.hourDuration * 60 + s.minuteDuration;
  } catch {
    return 0;
  }
}

/** How long each occurrence of a window lasts. */
export const windowMinutes = (window: ClientMaintenanceWindow): number => window.durationMinutes ?? tokenMinutes(window.token);
export type ClientMaintenanceWindow = z.output<typeof clientMaintenanceWindowSchema>;
export const clientMaintenanceWindowsSchema = z.array(clientMaintenanceWindowSchema, { error: 'The maintenance windows are a list.' }).max(1000, 'At most 1000 maintenance windows.');

/** An event the agent saw that an assignment may wait for ("Assign immediately after this event"). */
export interface AgentEvent {
  readonly kind: 'logon' | 'logoff' | 'startup';
  readonly at: Date;
  /** Who logged on or off; absent for a start-up. */
  readonly user?: string;
}

export interface EvaluationContext {
  readonly machine: MachineInfo;
  readonly session: Session;
  /** Every run this machine remembers, of any advertisement. */
  readonly history: readonly ProgramRun[];
  readonly maintenanceWindows: readonly ClientMaintenanceWindow[];
  /** Logons, logoffs and start-ups since the agent started, oldest first or in any order. */
  readonly events: readonly AgentEvent[];
  /**
   * When this client first received the advertisement: an assignment "as soon as possible"
   * falls due then (or when the advertisement becomes available, if later).
   */
  readonly receivedAt: Date;
  /** Other programs this client has in policy, to find a program that must run first. */
  readonly programs: readonly ClientProgram[];
  readonly now: Date;
}
