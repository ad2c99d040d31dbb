import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxBatchMessages, newMessageUid, StatusOutbox, type ClientStatusMessage } from './status-outbox';

const dir = () => mkdtempSync(join(tmpdir(), 'courier-client-status-'));
const message = (messageId: number, advertisementId = 'A0120000') => ({
  messageId,
  severity: 'info' as const,
  component: 'Software Distribution',
  insertionStrings: [advertisementId, '1'],
  attributes: { 401: advertisementId },
});

describe('the status message outbox', () => {
  it('keeps messages on disk until acknowledged, sends the oldest first, and a second outbox on the folder sees them', async () => {
    const clientDir = dir();
    const outbox = new StatusOutbox(clientDir);
    const first = outbox.add(message(10002), 1_000);
    const second = outbox.add(message(10005), 2_000);
    expect(first.time).toBe(new Date(1_000).toISOString());
    expect(new StatusOutbox(clientDir).nextBatch().map((m) => m.uid)).toEqual([first.uid, second.uid]);

    await expect(outbox.flush(() => Promise.reject(new Error('connect ECONNREFUSED')))).rejects.toThrow(/ECONNREFUSED/);
    expect(outbox.count()).toBe(2);

    const seen: string[][] = [];
    const result = await outbox.flush((batch) => {
      seen.push(batch.map((m) => m.uid));
      return Promise.resolve(batch.map((m) => m.uid));
    });
    expect(result).toEqual({ sent: 2, remaining: 0 });
    expect(seen).toEqual([[first.uid, second.uid]]);
  });

  it('sends in batches of at most 500, stops when a batch is not acknowledged, and leaves what was not', async () => {
    const outbox = new StatusOutbox(dir());
    for (let i = 0; i < 1_100; i += 1) outbox.add(message(10002), 10_000 + i);
    const sizes: number[] = [];
    let refused: string | undefined;
    const result = await outbox.flush((batch) => {
      sizes.push(batch.length);
      // The management point never acknowledges the first message of the third batch.
      if (sizes.length === 3) refused = batch[0]?.uid;
      return Promise.resolve(batch.filter((m) => m.uid !== refused).map((m) => m.uid));
    });
    expect(sizes).toEqual([maxBatchMessages, maxBatchMessages, 100, 1]);
    expect(result.remaining).toBe(1);
    const stuck = await outbox.flush(() => Promise.resolve([]));
    expect(stuck).toEqual({ sent: 0, remaining: 1 });
  });

  it('drops the oldest past its limit and counts them; sets aside a file that is not a message', () => {
    const clientDir = dir();
    const outbox = new StatusOutbox(clientDir, 3);
    const made: ClientStatusMessage[] = [];
    for (let i = 0; i < 5; i += 1) made.push(outbox.add(message(10002), 50_000 + i));
    expect(outbox.dropped).toBe(2);
    expect(outbox.nextBatch().map((m) => m.uid)).toEqual(made.slice(2).map((m) => m.uid));

    const bad = newMessageUid(1);
    writeFileSync(join(clientDir, 'status', 'outbox', `${bad}.json`), '{ half');
    writeFileSync(join(clientDir, 'status', 'outbox', 'notes.txt'), 'ignored');
    expect(outbox.nextBatch()).toHaveLength(3);
    expect(readdirSync(join(clientDir, 'status', 'rejected'))).toEqual([`${bad}.json`]);
    expect(() => outbox.add({ ...message(10002), insertionStrings: ['x'.repeat(20_000)] })).toThrow(/larger than 16 KiB/);
    expect(outbox.acknowledge(['../../client.json']) ).toBeUndefined();
  });
});
