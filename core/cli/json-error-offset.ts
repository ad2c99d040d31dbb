/**
 * Where text stops being JSON (RFC 8259): the offset of the first character that cannot
 * continue it, or its length when it ends too early; null when it is JSON. JSON.parse gives a
 * position in some of its messages only, so a file's error is located here instead. An explicit
 * stack, not recursion: a megabyte of `[` must not overflow the call stack.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const stack: ('array' | 'object')[] = [];
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  const digits = (): boolean => {
    if (!isDigit(text[i])) return false;
    while (isDigit(text[i])) i++;
    return true;
  };
  /** Moves past a string starting at i; false when it is not one. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') return false;
      if (c === '"') {
        i++;
        return true;
      }
      if (c === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  const literal = (): boolean => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    // Point at the first letter that does not fit any of them.
    const fits = (word: string) => {
      let n = 0;
      while (n < word.length && text[i + n] === word[n]) n++;
      return n;
    };
    i += Math.max(fits('true'), fits('false'), fits('null'));
    return false;
  };

  /** A member's key and colon; false when they are not there. */
  const key = (): boolean => {
    skipSpace();
    if (!string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  for (;;) {
    // A value.
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c === '{' ? 'object' : 'array');
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!string()) return i;
    } else if (c === '-' || isDigit(c)) {
      if (!number()) return i;
    } else if (!literal()) return i;

    // After a value: the end of a container, a comma, or the end of the text.
    for (;;) {
      skipSpace();
      const top = stack.at(-1);
      if (top === undefined) return i === text.length ? null : i;
      const close = top === 'object' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      if (top === 'object' && !key()) return i;
      break;
    }
  }
}
