import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 settings for a long CLI run (many modules). Measured over the bench corpus (200 templates):
 *
 * - WebAssembly is compiled on the thread that loads it, not by a pool of background tasks. The Go
 *   parser's module is 6 MB; compiled and tiered up in the background, it cost about 20 MiB more peak
 *   memory (each compile thread's malloc arena), and its compile threads took CPU from the two threads
 *   doing the work: the run was slower, not faster, on two cores.
 *
 * Wasm flags are read when a module is compiled, so this must run before the parsers load. Only for
 * long runs: one template's check starts sooner with the background compile.
 */
export function tuneForLongRun(): void {
  setFlagsFromString('--wasm-num-compilation-tasks=0');
}

/**
 * Bounds this thread's heap on long runs. Each module's trees and indexes live for one module, long
 * enough to be promoted to V8's old generation, which V8 lets grow by tens of MiB between full
 * collections: over 200 modules the heap of a CLI run grew past 100 MiB, almost all of it garbage. A
 * full collection after every `every` characters of linted text (a few milliseconds each, with what stays
 * alive being texts and findings) keeps the peak near one batch's worth. Node exposes `gc` to a new
 * context once the flag is set; the flag changes nothing else.
 */
export function heapKeeper(every = 256 * 1024): (linted: number) => void {
  let gc: (() => void) | undefined;
  let since = 0;
  return (linted) => {
    since += linted;
    if (since < every) return;
    since = 0;
    if (!gc) {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
    gc();
  };
}
