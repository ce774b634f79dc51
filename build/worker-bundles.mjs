// The core worker and the export thread, bundled side by side: by build.mjs for the app and the
// dev:web host, and by the unit tests for their own copy (tests/unit/support/core-worker-bundle.ts).
import path from 'node:path';

/**
 * exceljs and pdf-lib (with jszip, pako and the rest, about half of the core worker's bytes)
 * serve exports, volumes and claim packs only. Each is bundled into a file of its own beside the
 * workers and required by the modules that use them, which the core imports on first use: so the
 * core worker neither compiles nor runs them before it says ready (issue 13, host start). The
 * export thread requires the same files when it starts.
 */
export const LAZY_PACKAGES = { exceljs: 'vendor-exceljs', 'pdf-lib': 'vendor-pdf-lib' };

const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    build.onResolve({ filter: /^(exceljs|pdf-lib)$/ }, (args) => ({
      path: `./${LAZY_PACKAGES[args.path]}.cjs`,
      external: true,
    }));
  },
};

/**
 * Writes core-worker.cjs, export-worker.cjs and the lazy packages' files into `options.outdir`.
 * `options` are esbuild's (CommonJS, node platform); `root` is the repository.
 */
export async function bundleWorkers(esbuild, root, options) {
  await esbuild({
    ...options,
    entryPoints: {
      'core-worker': path.join(root, 'electron/core/core-worker.ts'),
      'export-worker': path.join(root, 'electron/core/export-worker.ts'),
    },
    plugins: [lazyPackages],
  });
  await esbuild({
    ...options,
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(LAZY_PACKAGES).map(([pkg, file]) => [file, pkg]),
    ),
  });
}
