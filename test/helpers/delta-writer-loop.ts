// Signs, plans and applies over and over in a folder until it is killed: the kill test's child.
// Each round removes the previous round's outputs, so any output present was written by a round.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { applyDelta, readSignature, writeDelta, writeSignature } from '../../core/content/delta';

const folder = process.argv[2]!;
const at = (name: string): string => join(folder, name);
for (let round = 0; ; round++) {
  await Promise.all(['old.sig', 'new.sig', 'old-to-new.delta', 'patched'].map((name) => rm(at(name), { force: true })));
  if (round === 0) process.stdout.write('started\n');
  await writeSignature(at('old'), at('old.sig'));
  await writeDelta(await readSignature(at('old.sig')), at('new'), at('old-to-new.delta'), { newSignaturePath: at('new.sig') });
  await applyDelta(at('old'), at('old-to-new.delta'), at('patched'));
}
