import { describe, expect, it } from 'vitest';
import { maxDefinitionBytes, parsePackageDefinition } from '.';

const head = '[PDF]\nVersion=2.0\n[Package Definition]\nName=Long lists\nPublisher=\nLanguage=\n';

/**
 * One program whose SupportedClients list is as long as allowed, followed by version ranges for
 * its clients until the file has `size` bytes: the shape of the files that took 5 s (38 KB) and
 * 47 s (454 KB) to read when every client scanned the whole section with a regular expression.
 */
function longClientList(size: number): Uint8Array {
  const clients = Array.from({ length: 280 }, (_, i) => (i % 2 ? 'Win NT (I386)' : 'Win NT (x64)')).join(',').slice(0, 3990);
  const lines = [`${head}Programs=Install\n[Install]\nName=Install\nCommandLine=setup.exe /q\nSupportedClients=${clients}\n`];
  let length = lines[0]!.length;
  for (let i = 0; length < size; i++) {
    const line = `Win NT (${i % 2 ? 'I386' : 'x64'}) ${i % 3 ? 'Min' : 'Max'}Version${(i % 999) + 1}=5.${i % 100}.0000.0\n`;
    lines.push(line);
    length += line.length;
  }
  return new TextEncoder().encode(lines.join(''));
}

/**
 * The worst 1 MiB found: 100 programs, each listing 4,000 characters of distinct clients, each
 * section full of keys built to make a backtracking matcher work (runs of spaces, almost-version
 * suffixes) and of ranges for its clients.
 */
function worstCase(size: number): Uint8Array {
  const programs = Array.from({ length: 100 }, (_, i) => `P${i}`);
  const parts = [`${head}Programs=${programs.join(',')}\n`];
  const perSection = Math.floor((size - parts[0]!.length) / programs.length);
  for (const program of programs) {
    const clients: string[] = [];
    for (let k = 0, listed = 0; listed < 3900; k++) {
      const client = `C${k} ${' '.repeat(k % 7)}(I386)`;
      clients.push(client);
      listed += client.length + 1;
    }
    let section = `[${program}]\nName=${program}\nCommandLine=setup.exe\nSupportedClients=${clients.join(',')}\n`;
    for (let k = 0; section.length < perSection - 80; k++) {
      section += k % 2 ? `${clients[k % clients.length]} MinVersion${k % 999}=5.${k}\n` : `a${' '.repeat(60)}b minversio${k}=x\n`;
    }
    parts.push(section);
  }
  const text = parts.join('');
  // The last bytes up to the limit: one long value of an unknown key.
  return new TextEncoder().encode(`${text}Padding=${'x'.repeat(Math.max(0, size - text.length - 10))}\n`);
}

/** Processor time of the fastest of three reads (the machine is shared: wall time would measure the others). */
function parseMs(bytes: Uint8Array): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const before = process.cpuUsage();
    parsePackageDefinition(bytes);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('package definition parse time', () => {
  it('grows about linearly with the file and stays well under a second, up to the 1 MiB limit', () => {
    parsePackageDefinition(longClientList(10_000)); // compile the parser first
    const small = longClientList(40_000);
    const large = longClientList(450_000);
    const worst = worstCase(maxDefinitionBytes);
    expect(worst.length).toBeGreaterThan(maxDefinitionBytes - 1000);
    expect(worst.length).toBeLessThanOrEqual(maxDefinitionBytes);
    // The files are read, not refused: the work measured is the whole parse.
    expect(parsePackageDefinition(large).programs[0]?.supportedClients.platforms.length).toBeGreaterThan(0);
    expect(parsePackageDefinition(worst).programs).toHaveLength(100);

    const times = { small: parseMs(small), large: parseMs(large), worst: parseMs(worst) };
    expect(times.small).toBeLessThan(250);
    expect(times.large).toBeLessThan(600);
    expect(times.worst).toBeLessThan(800);
    // 11 times the bytes may cost up to three times as much per byte (noise, caches), never 11 times.
    expect(times.large).toBeLessThan(times.small * (large.length / small.length) * 3 + 50);
  });
});
