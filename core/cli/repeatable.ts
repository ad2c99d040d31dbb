/** Commander's parser for a repeatable option: `--dp A --dp B` gives ['A', 'B']. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
