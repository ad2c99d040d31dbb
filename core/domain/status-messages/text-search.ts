import { maxInsertionStrings } from '../../api';
import { unknownMessageText, type StatusCatalogue } from './catalogue';

/**
 * How the Status Message Viewer compares text: the description and the words in lower case, as
 * String.prototype.toLowerCase gives them (no locale), and the words found anywhere in it.
 */
export function viewerFold(text: string): string {
  return text.toLowerCase();
}

/**
 * The fold the text index holds: viewerFold with final sigma written as sigma. toLowerCase maps
 * each character on its own except capital sigma, which becomes ς at the end of a word and σ
 * elsewhere (Unicode SpecialCasing, Final_Sigma), so it is the one mapping that depends on the
 * neighbours. With ς written as σ the fold of a description is the fold of its pieces joined,
 * which is what lets the pieces be searched apart.
 */
export function searchFold(text: string): string {
  return text.toLowerCase().replace(/ς/g, 'σ');
}

/** Whether the viewer shows this message for these words: what every faster path must agree with. */
export function descriptionContains(description: string, words: string): boolean {
  return viewerFold(description).includes(viewerFold(words));
}

/** A message's kind: its component as stored and its ID, which together choose its text. */
export interface MessageKey {
  readonly component: string;
  readonly messageId: number;
}

/** Shorter runs are no trigram: the index cannot find them. */
export const shortestIndexed = 3;

/**
 * What a search must read to find one piece of words (docs/status-messages.md#text-search):
 * - `sure`: kinds whose own text holds the words, so every message of them matches;
 * - `verify`: kinds whose every message must be described to know;
 * - `phrases`: runs of the words to look up in the index of insertion strings, each folded by
 *   searchFold; a message holding one of them in a string is described to know;
 * - `short`: a kind's messages whose string at `column` (0-based) is at most `maxLength`
 *   characters long, which the words could cross whole; described to know.
 * `everything` is set when the index cannot help (the words are shorter than a trigram): every
 * message of a kind not `sure` must be described.
 */
export interface TextSearchPlan {
  readonly everything: boolean;
  readonly sure: readonly MessageKey[];
  readonly verify: readonly MessageKey[];
  readonly phrases: readonly string[];
  readonly short: readonly { readonly key: MessageKey; readonly column: number; readonly maxLength: number }[];
}

/** A text split at its insertion strings: fixed[0], string at[0], fixed[1] … fixed[n]. */
interface Shape {
  readonly fixed: readonly string[];
  /** The 0-based string each placeholder shows, or -1 when any of them may be there. */
  readonly at: readonly number[];
}

const placeholder = /%(10|[1-9])/g;

/** The same split substituteInsertionStrings makes, so every piece is where the viewer shows it. */
function shapeOfTemplate(text: string): Shape {
  const fixed: string[] = [];
  const at: number[] = [];
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    fixed.push(text.slice(last, match.index));
    at.push(Number(match[1]) - 1);
    last = match.index + match[0].length;
  }
  fixed.push(text.slice(last));
  return { fixed, at };
}

// Private-use characters stand for the strings while the text of an unknown ID is cut up.
const markers = Array.from({ length: maxInsertionStrings }, (_, i) => String.fromCharCode(0xe000 + i));
const anyMarker = /[\ue000-\ue009]/;

/**
 * The shapes an unknown ID's text takes: one with no strings, and one for each count of
 * non-empty strings (which of the ten they are does not change the text around them).
 */
function shapesOfUnknown(component: string, messageId: number): Shape[] | null {
  if (anyMarker.test(component)) return null;
  const shapes: Shape[] = [{ fixed: [unknownMessageText(component, messageId, [])], at: [] }];
  for (let count = 1; count <= maxInsertionStrings; count++) {
    const fixed = unknownMessageText(component, messageId, markers.slice(0, count)).split(anyMarker);
    if (fixed.length !== count + 1) return null;
    shapes.push({ fixed, at: Array.from({ length: count }, () => -1) });
  }
  return shapes;
}

const codePoints = (text: string) => [...text].length;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `rest` can follow a string in a shape whose next piece is fixed[j]: it starts as that piece does. */
function canContinue(shape: Shape, j: number, rest: string): boolean {
  const next = shape.fixed[j]!;
  // A text that ends with a string: nothing follows it.
  if (next === '') return j < shape.fixed.length - 1;
  const length = Math.min(next.length, rest.length);
  return rest.slice(0, length) === next.slice(0, length);
}

interface ShapeFinding {
  fixed: boolean;
  everything: boolean;
  phrases: Set<string>;
  short: Map<number, number>;
}

/**
 * Where the folded words may lie in a text of this shape: inside a fixed piece, inside one
 * string (the index's phrase), or across a boundary. An occurrence across boundaries starts in
 * a fixed piece (its first p characters end that piece, and the rest begins the string after
 * it, or runs past a string shorter than the rest), or starts in a string (its first x
 * characters end that string, and the rest begins the fixed piece after it).
 */
function findInShape(shape: Shape, words: string): ShapeFinding {
  const finding: ShapeFinding = { fixed: false, everything: false, phrases: new Set(), short: new Map() };
  const fixed = shape.fixed.map(searchFold);
  const folded: Shape = { fixed, at: shape.at };
  finding.fixed = fixed.some((piece) => piece.includes(words));
  const phrase = (run: string) => {
    if (codePoints(run) >= shortestIndexed) finding.phrases.add(run);
    else finding.everything = true;
  };
  for (let j = 0; j < shape.at.length; j++) {
    const before = fixed[j]!;
    const column = shape.at[j]!;
    // Starting in the fixed piece before string j.
    for (let p = 1; p <= Math.min(before.length, words.length - 1); p++) {
      if (!before.endsWith(words.slice(0, p))) continue;
      const rest = words.slice(p);
      phrase(rest);
      // Or the string is shorter than the rest, and is its start: the words cross it whole into
      // the next piece. A string of three characters or more is a phrase like any other; a
      // shorter one is found by its length.
      let longest = -1;
      for (let length = 0; length < rest.length; length++) {
        if (!canContinue(folded, j + 1, rest.slice(length))) continue;
        if (codePoints(rest.slice(0, length)) >= shortestIndexed) finding.phrases.add(rest.slice(0, length));
        else longest = Math.max(longest, length);
      }
      if (longest >= 0) {
        if (column < 0) finding.everything = true;
        else finding.short.set(column, Math.max(longest, finding.short.get(column) ?? -1));
      }
    }
    // Starting in string j: its last x characters, then the fixed piece after it.
    for (let x = 1; x <= words.length - 1; x++) {
      if (canContinue(folded, j + 1, words.slice(x))) phrase(words.slice(0, x));
    }
  }
  return finding;
}

/**
 * The plan of a search for `text` over messages of these kinds. It never misses a message the
 * viewer would show (descriptionContains); what it only may match is described to be sure.
 */
export function planTextSearch(catalogue: StatusCatalogue, keys: readonly MessageKey[], text: string): TextSearchPlan {
  const words = searchFold(text);
  if (words === '') return { everything: false, sure: keys, verify: [], phrases: [], short: [] };
  // Lone surrogates are stored as U+FFFD, so the index could not find them as typed.
  const everything = codePoints(words) < shortestIndexed || loneSurrogate.test(words);
  // Final sigma is folded apart from sigma in the description: the fixed text is only a hint.
  const sigma = /[σς]/.test(viewerFold(text));
  const sure: MessageKey[] = [];
  const verify: MessageKey[] = [];
  const phrases = new Set<string>(everything ? [] : [words]);
  const short: { key: MessageKey; column: number; maxLength: number }[] = [];
  for (const key of keys) {
    const definition = catalogue.find(key.component, key.messageId);
    const shapes = definition ? [shapeOfTemplate(definition.text)] : shapesOfUnknown(key.component, key.messageId);
    if (!shapes) {
      verify.push(key);
      continue;
    }
    const findings = shapes.map((shape) => findInShape(shape, words));
    if (definition && findings[0]!.fixed && !sigma) {
      sure.push(key);
      continue;
    }
    if (everything) {
      verify.push(key);
      continue;
    }
    const touched = findings.some((f) => f.fixed || f.everything || (!definition && (f.phrases.size > 0 || f.short.size > 0)));
    if (touched) {
      verify.push(key);
      continue;
    }
    for (const finding of findings) {
      for (const run of finding.phrases) phrases.add(run);
      for (const [column, maxLength] of finding.short) short.push({ key, column, maxLength });
    }
  }
  return { everything, sure, verify, phrases: [...phrases], short };
}
