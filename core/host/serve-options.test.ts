import { describe, expect, it } from 'vitest';
import { defaultPort, parseServeOptions, UsageError } from './serve-options';

describe('npm run serve options', () => {
  it('defaults to the loopback on port 4817', () => {
    expect(parseServeOptions([])).toEqual({ port: defaultPort, host: '127.0.0.1', dataDir: undefined, staticDir: undefined, help: false });
    expect(defaultPort).toBe(4817);
  });

  it('reads --port, --host and --data-dir in both spellings', () => {
    expect(parseServeOptions(['--port', '0', '--host=::1', '--data-dir', '/d'])).toMatchObject({ port: 0, host: '::1', dataDir: '/d' });
  });

  it.each([['--port', '80x'], ['--port', '70000'], ['--port', '-1'], ['--bogus'], ['extra'], ['--data-dir', '']])(
    'refuses %s with a one-line usage error',
    (...args) => {
      expect(() => parseServeOptions(args)).toThrow(UsageError);
      try {
        parseServeOptions(args);
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    },
  );
});
