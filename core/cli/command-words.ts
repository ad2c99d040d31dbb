/** The command words of a command line, global options and their values left out. */
export function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words;
}
