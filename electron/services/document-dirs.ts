import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultDevFontsDir } from '../documents/font-registry.js';
import { defaultTemplatesDir } from '../documents/template-loader.js';

/**
 * Where fonts and templates are when createAppCore is not told (tests, dev:web): the built
 * `dist/fonts` if the build has run, otherwise the npm font packages; templates from the source
 * tree, so a template edit shows up without a rebuild. The Electron shell always passes both.
 */
export function defaultDocumentDirs(cwd: string = process.cwd()): {
  fontsDir: string;
  templatesDir: string;
} {
  const built = path.join(cwd, 'dist', 'fonts');
  return {
    fontsDir: existsSync(built) ? built : defaultDevFontsDir(cwd),
    templatesDir: defaultTemplatesDir(cwd),
  };
}
