import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxBatchMessages, newMessageUid, StatusOutbox, type ClientStatusMessage, type RefusedStatusMessage } from './status-outbox';

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

  it('sets aside a message the management point refuses, with the reason, and sends the rest in few uploads', async () => {
    const clientDir = dir();
    const outbox = new StatusOutbox(clientDir);
    const made: ClientStatusMessage[] = [];
    for (let i = 0; i < 600; i += 1) made.push(outbox.add(message(10002), 20_000 + i));
    // As the management point checks an upload: one message it refuses refuses the whole upload.
    const bad = new Set([made[3]!.uid, made[550]!.uid]);
    class Refusal extends Error {}
    const stored: string[] = [];
    const uploads: number[] = [];
    const send = (batch: readonly ClientStatusMessage[]) => {
      uploads.push(batch.length);
      const at = batch.findIndex((m) => bad.has(m.uid));
      if (at >= 0) return Promise.reject(new Refusal(`Message ${at} is refused (severity): not a severity.`));
      stored.push(...batch.map((m) => m.uid));
      return Promise.resolve(batch.map((m) => m.uid));
    };
    const told: string[] = [];
    const options = { refusedBecause: (error: unknown) => (error instanceof Refusal ? error.message : undefined), onRefused: (m: ClientStatusMessage, reason: string) => told.push(`${m.uid} ${reason}`) };

    // A failure that is not a refusal of what the upload holds still stops the flush and keeps everything.
    await expect(outbox.flush(() => Promise.reject(new Error('connect ECONNREFUSED')), options)).rejects.toThrow(/ECONNREFUSED/);
    expect(outbox.count()).toBe(600);

    expect(await outbox.flush(send, options)).toEqual({ sent: 598, remaining: 0 });
    expect(stored.sort()).toEqual(made.map((m) => m.uid).filter((uid) => !bad.has(uid)).sort());
    // Halving finds each refused message in about log2(500) uploads, not one upload per message.
    expect(uploads.length).toBeLessThan(40);
    expect(readdirSync(join(clientDir, 'status', 'refused')).sort()).toEqual([...bad].map((uid) => `${uid}.json`).sort());
    const kept = JSON.parse(readFileSync(join(clientDir, 'status', 'refused', `${made[3]!.uid}.json`), 'utf8')) as RefusedStatusMessage;
    expect(kept).toEqual({ refusedAt: expect.any(String), reason: 'Message 0 is refused (severity): not a severity.', message: made[3] });
    expect(told).toHaveLength(2);
    expect(told.every((line) => /^\S+ Message 0 is refused/.test(line))).toBe(true);
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
