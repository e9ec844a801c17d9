import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Bounds this thread's heap on long runs. Each module's trees and indexes live for one module, long
 * enough to be promoted to V8's old generation, which V8 lets grow by tens of MiB between full
 * collections: over 200 modules the heap of a CLI run grew past 100 MiB, almost all of it garbage. A
 * full collection after every `every` characters of linted text (a few milliseconds each, with what stays
 * alive being texts and findings) keeps the peak near one batch's worth. Node exposes `gc` to a new
 * context once the flag is set; the flag changes nothing else.
 */
export function heapKeeper(every = 512 * 1024): (linted: number) => void {
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
