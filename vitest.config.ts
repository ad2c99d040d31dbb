import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['core/**/*.test.ts', 'electron/**/*.test.ts', 'client/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/helpers/cli-bundle-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test-setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
