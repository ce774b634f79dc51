import fs from 'node:fs';
import path from 'node:path';

/*
 * Which antd components the desk's stylesheet needs, derived at build time rather than kept by
 * hand: a hand list loses a nested component's styles silently the day a page starts using it.
 * The list is the components the renderer imports from 'antd', closed over antd's own imports
 * (Table brings Pagination, Spin, Checkbox, Dropdown…; Form brings the grid; App brings message).
 */

const ANTD_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]antd['"]/g;
const RELATIVE_IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const ANTD_EXPORT = /export\s*\{\s*default\s+as\s+(\w+)\s*\}\s*from\s*['"]\.\/([\w-]+)['"]/g;

/** The names the files import from 'antd' as values (type-only imports bring no styles). */
export function antdValueImports(sources: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(ANTD_IMPORT)) {
      if (match[1]) continue;
      for (const specifier of match[2]!.split(',')) {
        const name = specifier.trim();
        if (name === '' || name.startsWith('type ')) continue;
        names.add(name.split(/\s+as\s+/)[0]!.trim());
      }
    }
  }
  return names;
}

/** antd's exported components and the folder of antd/es each comes from. */
function antdExportFolders(antdEs: string): Map<string, string> {
  const index = fs.readFileSync(path.join(antdEs, 'index.js'), 'utf8');
  return new Map([...index.matchAll(ANTD_EXPORT)].map((m) => [m[1]!, m[2]!]));
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.js`, path.join(base, 'index.js'), base].find(
    (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
  );
}

/** The files of antd/es reachable from the given components' entry files. */
function reachableFiles(antdEs: string, entryFolders: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const pending = [...entryFolders].flatMap((folder) => {
    const entry = resolveModule(path.join(antdEs, 'index.js'), `./${folder}`);
    return entry ? [entry] : [];
  });
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const next = resolveModule(file, match[1]!);
      if (next && next.startsWith(antdEs + path.sep) && !seen.has(next)) pending.push(next);
    }
  }
  return new Set([...seen].map((file) => path.relative(antdEs, file).split(path.sep).join('/')));
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((entry) =>
      entry.isFile() && /\.tsx?$/.test(entry.name) ? [path.join(entry.parentPath, entry.name)] : [],
    );
}

/**
 * The antd exports whose styles the renderer can need, sorted. A component's rules are registered
 * only by its style hook (`<folder>/style/`), so a folder counts when the renderer's antd imports
 * reach its style hook: reaching only its locale data (every antd locale imports the calendar's)
 * draws nothing. The renderer's own imports always count (Row and Col keep their rules in grid's).
 * Throws on an import antd does not export (a typo, or an antd upgrade that renamed it), since its
 * styles would otherwise be left out quietly.
 */
export function antdComponentsUsed(rendererSrc: string, antdEs: string): string[] {
  const folders = antdExportFolders(antdEs);
  const imported = antdValueImports(
    sourceFiles(rendererSrc).map((f) => fs.readFileSync(f, 'utf8')),
  );
  const unknown = [...imported].filter((name) => !folders.has(name));
  if (unknown.length > 0) throw new Error(`antd does not export ${unknown.join(', ')}`);
  const reached = reachableFiles(
    antdEs,
    [...imported].map((name) => folders.get(name)!),
  );
  const styled = new Set(
    [...reached].flatMap((file) => /^([\w-]+)\/style\//.exec(file)?.[1] ?? []),
  );
  return [...folders]
    .flatMap(([name, folder]) => (imported.has(name) || styled.has(folder) ? [name] : []))
    .sort();
}

const BREAKPOINT_PROP = /\b(xs|sm|md|lg|xl|xxl|xxxl)\s*[=:]/g;

/**
 * The grid breakpoints the renderer can give a Col (`<Col md={8}>`, or `labelCol={{ md: 8 }}`
 * through a Form): any of the names written as a prop or a key counts, so a false match only keeps
 * rules. A Col whose props arrive in a spread from elsewhere is not seen; the e2e check
 * (antd-static-styles) catches a page that draws a class the stylesheet lost.
 */
export function antdBreakpointsUsed(rendererSrc: string): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(rendererSrc)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(BREAKPOINT_PROP))
      used.add(match[1]!);
  }
  return used;
}
