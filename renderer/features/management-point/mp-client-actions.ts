import type { ApiResult, MpClientDto } from '../../../core/api';
import { settle } from '../../client/settle';
import type { MpClientAction } from './management-point-kinds';

export const mpClientActions: readonly MpClientAction[] = ['approve', 'block', 'unblock', 'reset'];

export const mpClientActionLabels: Readonly<Record<MpClientAction, string>> = { approve: 'Approve', block: 'Block', unblock: 'Unblock', reset: 'Reset' };

const pastTense: Readonly<Record<MpClientAction, string>> = { approve: 'Approved', block: 'Blocked', unblock: 'Unblocked', reset: 'Reset the secret of' };

/**
 * Whether an action does anything to a client, as the core decides it: a blocked client is
 * unblocked before it can be approved, and a reset secret is not reset again.
 */
export function actionApplies(action: MpClientAction, client: MpClientDto): boolean {
  switch (action) {
    case 'approve':
      return client.approval === 'pending';
    case 'block':
      return client.approval !== 'blocked';
    case 'unblock':
      return client.approval === 'blocked';
    case 'reset':
      return !client.secretReset;
  }
}

/** The selected clients an action applies to; the command is disabled when there are none. */
export function clientsFor(action: MpClientAction, clients: readonly MpClientDto[]): readonly MpClientDto[] {
  return clients.filter((c) => actionApplies(action, c));
}

/** "PC0001", "PC0001 and PC0002", "3 clients". */
export function clientsPhrase(clients: readonly MpClientDto[]): string {
  if (clients.length === 1) return clients[0]!.name;
  if (clients.length === 2) return `${clients[0]!.name} and ${clients[1]!.name}`;
  return `${clients.length} clients`;
}

/** What Block and Reset do to the clients, said before the admin confirms. */
export function confirmationSentences(action: 'block' | 'reset', clients: readonly MpClientDto[]): { readonly question: string; readonly effect: string } {
  const one = clients.length === 1;
  const them = one ? 'it' : 'them';
  const its = one ? 'its' : 'their';
  if (action === 'block') {
    return {
      question: `Block ${clientsPhrase(clients)}?`,
      effect:
        `The management point refuses every request of ${one ? 'the client' : 'these clients'} with 403 BLOCKED until you unblock ${them}: ` +
        `no policy, no content locations, and ${its} status messages are not accepted. Advertisements already on ${one ? 'the computer' : 'the computers'} are not removed.`,
    };
  }
  return {
    question: `Reset the secret of ${clientsPhrase(clients)}?`,
    effect:
      `The site forgets ${its} secret: ${its} requests are refused at once, until ${one ? 'the client registers' : 'each registers'} again, which is accepted without a secret and gives a new one. ` +
      `Use it for a reinstalled computer or one whose identity file was lost. ${one ? 'It keeps its' : 'They keep their'} approval.`,
  };
}

export interface ClientActionOutcome {
  /** The clients as the core answered, each after its change. */
  readonly done: readonly MpClientDto[];
  /** The first refusal, in the core's words; the clients after it were not asked. */
  readonly error: string | null;
}

/** One client's request: mp-clients:set-approval, or mp-clients:reset. */
export type SendClientAction = (action: MpClientAction, resourceId: number) => Promise<ApiResult<MpClientDto>>;

/** Sends the action for each client in turn, stopping at the first refusal. */
export async function runClientAction(send: SendClientAction, action: MpClientAction, clients: readonly MpClientDto[]): Promise<ClientActionOutcome> {
  const done: MpClientDto[] = [];
  for (const client of clients) {
    const result = await settle(() => send(action, client.resourceId));
    if (!result.ok) return { done, error: `${client.name}: ${result.error.message}` };
    done.push(result.value);
  }
  return { done, error: null };
}

/** The status bar's line after an action. */
export function outcomeSentence(action: MpClientAction, outcome: ClientActionOutcome): string {
  const did = outcome.done.length > 0 ? `${pastTense[action]} ${clientsPhrase(outcome.done)}.` : '';
  return [did, outcome.error ?? ''].filter((part) => part !== '').join(' ');
}
