import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Heap bytes per call of `make`, its results kept alive (issue 8: a write's tail is garbage
 * collection). A count, not a time: a collection during the loop can only lower the figure, and
 * anything else the worker allocates meanwhile can only raise it, so the least of five rounds is
 * the one to compare (the full suite's workers allocate beside the test).
 */
export function heapBytesPerCall(make: () => unknown, calls = 500, rounds = 5): number {
  let least = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    const kept: unknown[] = [];
    for (let i = 0; i < calls; i += 1) kept.push(make());
    kept.length = 0;
    gc();
    const before = v8.getHeapStatistics().used_heap_size;
    for (let i = 0; i < calls; i += 1) kept.push(make());
    const used = v8.getHeapStatistics().used_heap_size - before;
    if (kept.length !== calls) throw new Error('results were not kept');
    least = Math.min(least, used / calls);
  }
  return least;
}
