import { boundaryMasks, gearTable, type ChunkingParameters } from './chunking-parameters';

/**
 * The boundary search of chunker.ts's nextChunkLength, as a WebAssembly function: the same loop,
 * about twice as fast as V8's code for the JavaScript one (bench:delta's "chunk boundaries"
 * figure). The module is small enough to write out here, so nothing needs a toolchain to build it.
 * Memory: the gear table at 0 (256 × i32), then a scratch area the data is copied into.
 *
 * cut(start, end, min, avg, max, strict, loose) -> length   (locals: n, normal, last, i, hash)
 */
const param = { start: 0, end: 1, min: 2, avg: 3, max: 4, strict: 5, loose: 6, n: 7, normal: 8, last: 9, i: 10, hash: 11 } as const;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, return: 0x0f, select: 0x1b,
  get: 0x20, set: 0x21, tee: 0x22, load: 0x28, load8u: 0x2d, const: 0x41, eqz: 0x45, ltU: 0x49, gtU: 0x4b, leU: 0x4d, geU: 0x4f,
  add: 0x6a, sub: 0x6b, and: 0x71, shl: 0x74, void: 0x40, i32: 0x7f,
} as const;

const get = (local: number): number[] => [op.get, local];
const set = (local: number): number[] => [op.set, local];
const small = (value: number): number[] => [op.const, value]; // 0..63 fit one signed LEB128 byte

/** for (; i < limit; i++) { hash = (hash << 1) + gear[data[i]]; if ((hash & mask) == 0) return i - start + 1; } */
function searchLoop(limit: number, mask: number): number[] {
  return [
    op.block, op.void, op.loop, op.void,
    ...get(param.i), ...get(limit), op.geU, op.brIf, 1,
    ...get(param.hash), ...small(1), op.shl, ...get(param.i), op.load8u, 0, 0, ...small(2), op.shl, op.load, 2, 0, op.add, op.tee, param.hash,
    ...get(mask), op.and, op.eqz, op.if, op.void, ...get(param.i), ...get(param.start), op.sub, ...small(1), op.add, op.return, op.end,
    ...get(param.i), ...small(1), op.add, ...set(param.i), op.br, 0,
    op.end, op.end,
  ];
}

const body = [
  1, 5, op.i32, // five i32 locals
  ...get(param.end), ...get(param.start), op.sub, ...set(param.n),
  ...get(param.n), ...get(param.min), op.leU, op.if, op.void, ...get(param.n), op.return, op.end,
  ...get(param.n), ...get(param.max), op.gtU, op.if, op.void, ...get(param.max), ...set(param.n), op.end,
  ...get(param.start), ...get(param.avg), ...get(param.n), ...get(param.avg), ...get(param.n), op.ltU, op.select, op.add, ...set(param.normal),
  ...get(param.start), ...get(param.n), op.add, ...set(param.last),
  ...get(param.start), ...get(param.min), op.add, ...set(param.i),
  ...small(0), ...set(param.hash),
  ...searchLoop(param.normal, param.strict),
  ...searchLoop(param.last, param.loose),
  ...get(param.n), op.end,
];

function unsigned(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const section = (id: number, bytes: number[]): number[] => [id, ...unsigned(bytes.length), ...bytes];
const moduleBytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 7, ...Array<number>(7).fill(op.i32), 1, op.i32]), // type: (i32 × 7) -> i32
  ...section(2, [1, 1, 0x6d, 3, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x01]), // import "m" "mem": memory, at least 1 page
  ...section(3, [1, 0]),
  ...section(7, [1, 3, 0x63, 0x75, 0x74, 0x00, 0x00]), // export "cut"
  ...section(10, [1, ...unsigned(body.length), ...body]),
]);

const pageBytes = 64 * 1024;
/** Where the scratch area starts, and its size: twice the largest chunk allowed, so each copy makes progress. */
const scratchStart = pageBytes;
const scratchBytes = 8 * 1024 * 1024;

// Node has WebAssembly as a global; the core's TypeScript libraries (no DOM) do not declare it, so the little used here is.
interface WebAssemblyGlobal {
  readonly Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyGlobal }).WebAssembly;
const memory = new wasm.Memory({ initial: (scratchStart + scratchBytes) / pageBytes });
const instance = new wasm.Instance(new wasm.Module(moduleBytes), { m: { mem: memory } });
const cut = instance.exports['cut'] as (start: number, end: number, min: number, avg: number, max: number, strict: number, loose: number) => number;
new Int32Array(memory.buffer, 0, 256).set(gearTable);
const scratch = new Uint8Array(memory.buffer, scratchStart, scratchBytes);

/**
 * The chunk lengths of `data[start, end)`, cut while at least a whole chunk's worth is left, or to
 * the end when `atEnd`; answers the lengths and where the uncut rest starts. Synchronous, so
 * concurrent scans never share the scratch area.
 */
export function cutChunks(data: Uint8Array, start: number, end: number, atEnd: boolean, p: ChunkingParameters, masks = boundaryMasks(p.avg)): { lengths: number[]; rest: number } {
  const lengths: number[] = [];
  let position = start;
  for (;;) {
    const windowEnd = Math.min(end, position + scratchBytes);
    const last = windowEnd === end;
    const length = windowEnd - position;
    scratch.set(data.subarray(position, windowEnd), 0);
    let at = 0;
    while (at < length && ((last && atEnd) || length - at >= p.max)) {
      const n = cut(scratchStart + at, scratchStart + length, p.min, p.avg, p.max, masks.strict, masks.loose);
      lengths.push(n);
      at += n;
    }
    position += at;
    if (last) return { lengths, rest: position };
  }
}
