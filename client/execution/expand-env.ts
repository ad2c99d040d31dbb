/**
 * Expands `%NAME%` in a program's command line or start-in folder as cmd.exe does on a command
 * line: a variable that is set is replaced by its value, one that is not is left as it is
 * (`%UNKNOWN%` stays), and `%%`, a lone `%` or cmd's `%NAME:~1,3%` edits (no variable has that
 * name) stay as written. Names are compared without case on Windows, where the environment has
 * no case, and exactly elsewhere. The expansion is one pass: a value holding `%X%` is not expanded again.
 */
export function expandPercentVariables(text: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const lookup = (name: string): string | undefined => {
    const exact = env[name];
    if (exact !== undefined || platform !== 'win32') return exact;
    const upper = name.toUpperCase();
    const key = Object.keys(env).find((k) => k.toUpperCase() === upper);
    return key === undefined ? undefined : env[key];
  };
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('%', at);
    if (open < 0) break;
    const close = text.indexOf('%', open + 1);
    if (close < 0) break;
    const name = text.slice(open + 1, close);
    const value = name === '' ? undefined : lookup(name);
    if (value === undefined) {
      // Not a variable: the first % is text, and the second may open the next one.
      out += text.slice(at, close);
      at = close;
      continue;
    }
    out += text.slice(at, open) + value;
    at = close + 1;
  }
  return out + text.slice(at);
}
