import { exportThreadRenderer, type HeldExport } from '../../../electron/core/export-thread.js';
import type { ExportRenderer } from '../../../electron/reports/export-renderer.js';
import { exportWorkerBundle } from './core-worker-bundle.js';

/**
 * The bundled export thread, holding every job until the test lets it go: `nextHeld()` resolves
 * when a thread has its job and waits (in the order the jobs arrived), so a test can ask other
 * requests meanwhile and then release the render or end the thread as a crash would.
 */
export async function heldExportThread(): Promise<{
  renderer: ExportRenderer;
  nextHeld: () => Promise<HeldExport>;
}> {
  const queue: HeldExport[] = [];
  const waiters: ((held: HeldExport) => void)[] = [];
  const renderer = exportThreadRenderer(await exportWorkerBundle(), {
    held: (held) => {
      const waiter = waiters.shift();
      if (waiter) waiter(held);
      else queue.push(held);
    },
  });
  const nextHeld = () =>
    new Promise<HeldExport>((resolve) => {
      const held = queue.shift();
      if (held) resolve(held);
      else waiters.push(resolve);
    });
  return { renderer, nextHeld };
}
