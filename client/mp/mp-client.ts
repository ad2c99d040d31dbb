import type { z } from 'zod';
import {
  mpAuthorization,
  mpContentLocationResponseSchema,
  mpHealthSchema,
  mpPolicyResponseSchema,
  mpRegisterResponseSchema,
  mpRoutes,
  mpStatusResponseSchema,
  type MpContentLocationRequest,
  type MpContentLocationResponse,
  type MpHealthDto,
  type MpPolicyResponse,
  type MpRegisterRequest,
  type MpRegisterResponse,
  type MpStatusMessage,
} from '../../core/api/management-point';
import { BadAnswerError, requestJson, shownText, UnreachableError, type JsonResponse } from './json-request';

/** A status message as the agent keeps it: the contract's shape, read-only. */
export type OutgoingStatusMessage = Readonly<Omit<MpStatusMessage, 'insertionStrings'>> & { readonly insertionStrings: readonly string[] };

export interface MpCredentials {
  readonly resourceId: number;
  readonly secret: string;
}

/**
 * The management point said no (an error body with its code): unknown client, pending approval,
 * blocked, a request it found wrong. Not worth retrying as it is, unlike UnreachableError.
 */
export class MpRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function refusal(response: JsonResponse, what: string): MpRefusedError {
  const error = (response.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  // The code decides what the agent does next, so only a code of the protocol's shape is taken.
  const code = typeof error?.code === 'string' && /^[A-Z_]{1,64}$/.test(error.code) ? error.code : `HTTP_${response.status}`;
  const text = typeof error?.message === 'string' ? shownText(error.message) : `answered HTTP ${response.status}`;
  return new MpRefusedError(response.status, code, `The management point refused ${what}: ${text}`);
}

/**
 * The client side of the management point's protocol (docs/management-point.md): every answer
 * is checked against the contract's schema before the agent acts on it, as the site checks
 * every request.
 */
export class ManagementPointClient {
  private readonly base: URL;

  constructor(
    managementPoint: string,
    private readonly options: { readonly ca?: string; readonly timeoutMs?: number; credentials?: MpCredentials } = {},
  ) {
    this.base = new URL(managementPoint);
  }

  set credentials(credentials: MpCredentials | undefined) {
    this.options.credentials = credentials;
  }

  private async exchange<S extends z.ZodType>(method: 'GET' | 'POST', route: string, schema: S, what: string, body?: unknown, authorize = true): Promise<z.output<S>> {
    // The configured URL may be the server (http://mp:8580/) or the service as the site prints it
    // (http://mp:8580/ccm/v1/); a prefix before that (a reverse proxy's) is kept.
    const prefix = this.base.pathname.replace(/\/?(ccm\/v1\/?)?$/, '');
    const url = new URL(`${prefix}${route}`, this.base.origin);
    const headers: Record<string, string> = {};
    const credentials = this.options.credentials;
    if (authorize && credentials !== undefined) headers.Authorization = mpAuthorization(credentials.resourceId, credentials.secret);
    const response = await requestJson({ method, url, headers, body, ...(this.options.ca !== undefined ? { ca: this.options.ca } : {}), ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}) });
    // Busy (its budget of bodies in flight spent): not a refusal, the same request later will do.
    if (response.status === 503) throw new UnreachableError(`The management point is busy and could not take ${what} now; try again later.`);
    if (response.status !== 200) throw refusal(response, what);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BadAnswerError(`The management point's answer to ${what} is not what Courier sends (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown'}); are the client and the site of the same version?`);
    }
    return parsed.data;
  }

  health(): Promise<MpHealthDto> {
    return this.exchange('GET', mpRoutes.health, mpHealthSchema, 'the health check', undefined, false);
  }

  /** A first registration goes without credentials; a known client sends its own to update its record. */
  register(request: MpRegisterRequest): Promise<MpRegisterResponse> {
    return this.exchange('POST', mpRoutes.register, mpRegisterResponseSchema, 'the registration', request);
  }

  machinePolicy(since: number): Promise<MpPolicyResponse> {
    return this.exchange('GET', `${mpRoutes.machinePolicy}?since=${since}`, mpPolicyResponseSchema, 'the machine policy request');
  }

  userPolicy(user: string, since: number): Promise<MpPolicyResponse> {
    return this.exchange('GET', `${mpRoutes.userPolicy}?user=${encodeURIComponent(user)}&since=${since}`, mpPolicyResponseSchema, `the user policy request for ${user}`);
  }

  contentLocation(request: MpContentLocationRequest): Promise<MpContentLocationResponse> {
    return this.exchange('POST', mpRoutes.contentLocation, mpContentLocationResponseSchema, `the content location request for ${request.packageId}`, request);
  }

  /** Answers the uids the management point stored (or had stored before). */
  async uploadStatus(messages: readonly OutgoingStatusMessage[]): Promise<readonly string[]> {
    const answer = await this.exchange('POST', mpRoutes.status, mpStatusResponseSchema, `the upload of ${messages.length} status messages`, { messages });
    return answer.acknowledged;
  }
}
