import { maxInsertionStrings, type StatusMessageType, type StatusSeverity } from '../../api';

/** One message a component reports: its ID, how grave it is, and its text with %1 … %10. */
export interface StatusMessageDefinition {
  readonly id: number;
  readonly severity: StatusSeverity;
  readonly type: StatusMessageType;
  /** The text, %1 … %10 standing for the insertion strings. */
  readonly text: string;
  /** What each insertion string holds, in order (%1 first): the reporter's side of the contract. */
  readonly strings: readonly string[];
  /** The attribute IDs the message carries (400 package ID, 404 distribution point …). */
  readonly attributes: readonly number[];
  /** `suite`: the meaning is the suite's, from its public documentation; `courier`: defined here. */
  readonly origin: 'suite' | 'courier';
}

/** The messages of one component, as each component's file declares them. */
export interface ComponentMessages {
  readonly component: string;
  readonly messages: readonly StatusMessageDefinition[];
}

/**
 * `%1` … `%10` replaced by the insertion strings (the first is %1); a missing one becomes empty,
 * as the suite's viewer shows it. `%10` is read as ten, not as %1 followed by a zero.
 */
export function substituteInsertionStrings(text: string, strings: readonly string[]): string {
  return text.replace(/%(10|[1-9])/g, (_match, digits: string) => strings[Number(digits) - 1] ?? '');
}

export interface StatusCatalogue {
  /** The definition a component's message ID has, or null: IDs are unique within a component, not across them. */
  find(component: string, messageId: number): StatusMessageDefinition | null;
  /** The text a viewer shows: the definition's with the strings in place, or a generic one for an unknown ID. */
  describe(component: string, messageId: number, strings: readonly string[]): string;
}

/** What a viewer shows for an ID the catalogue does not hold (a newer component's, a custom one). */
export function unknownMessageText(component: string, messageId: number, strings: readonly string[]): string {
  const given = strings.filter((text) => text !== '');
  const detail = given.length > 0 ? ` Its insertion strings: ${given.map((text) => `"${text}"`).join(', ')}.` : ' It has no insertion strings.';
  return `Message ID ${messageId} from ${component} has no description in this site's message catalogue.${detail}`;
}

/**
 * The catalogue of every component's messages. A message is looked up by component and ID; an ID
 * that only one component uses is also found under another name for it (the suite's own
 * component names differ by product version), so each range should stay with one component.
 */
export function createStatusCatalogue(components: readonly ComponentMessages[]): StatusCatalogue {
  const byComponent = new Map<string, Map<number, StatusMessageDefinition>>();
  const byId = new Map<number, StatusMessageDefinition | 'ambiguous'>();
  for (const { component, messages } of components) {
    const own = byComponent.get(component.toUpperCase()) ?? new Map<number, StatusMessageDefinition>();
    byComponent.set(component.toUpperCase(), own);
    for (const message of messages) {
      if (own.has(message.id)) throw new Error(`${component} defines message ${message.id} twice.`);
      if (message.strings.length > maxInsertionStrings) throw new Error(`Message ${message.id} names more than ${maxInsertionStrings} insertion strings.`);
      own.set(message.id, message);
      byId.set(message.id, byId.has(message.id) ? 'ambiguous' : message);
    }
  }
  const find = (component: string, messageId: number): StatusMessageDefinition | null => {
    const own = byComponent.get(component.toUpperCase())?.get(messageId);
    if (own) return own;
    const any = byId.get(messageId);
    return any === undefined || any === 'ambiguous' ? null : any;
  };
  return {
    find,
    describe(component, messageId, strings) {
      const definition = find(component, messageId);
      return definition ? substituteInsertionStrings(definition.text, strings) : unknownMessageText(component, messageId, strings);
    },
  };
}
