/*
 * The static extract as it comes out of @ant-design/static-style-extract carries rules no page can
 * match: the CSS variables of themes rendered under a key the desk never uses (a Modal's preview
 * panels get a `useId` key such as `css-var-_R_157_`, ~31 KB), the motion rules every popup
 * component registers again (the slide-up set five times), and the grid's classes for screen
 * widths (`ant-col-md-8`, 768 rules, ~51 KB) that only a Col given a breakpoint prop wears. Every
 * page parses the file and matches its rules on each style recalculation, so they are cut here,
 * at build time. The `.data-ant-cssinjs-cache-path` rule stays: @ant-design/cssinjs reads it in
 * the page (a div of that class, its computed `content`) to know which styles the file already
 * holds, and without it writes the icons' and shared styles again at run time (two more style
 * tags on the 工作台).
 */

/** The file's top-level blocks (a rule, or an at-rule with its body), in order. */
export function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < css.length; i++) {
    const ch = css[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      const block = css.slice(start, i + 1).trim();
      if (block) blocks.push(block);
      start = i + 1;
    }
  }
  if (depth !== 0 || css.slice(start).trim() !== '') {
    throw new Error('antd stylesheet: unbalanced braces, not cutting it');
  }
  return blocks;
}

// antd uses the theme's `cssVar.key` itself as the class its variables are scoped to.
const CSS_VAR_SCOPE = /\.(css-var-[\w-]+)/g;

/** antd's grid breakpoints: a Col with `md={8}` wears `ant-col-md-8`, with none it wears none. */
export const GRID_BREAKPOINTS = ['xs', 'sm', 'md', 'lg', 'xl', 'xxl', 'xxxl'] as const;

/** A selector that is one grid breakpoint class alone (not a Form rule that names one). */
function breakpointOnly(breakpoints: readonly string[]): RegExp {
  return new RegExp(
    `^\\.ant-col-(?:${breakpoints.join('|')})-(?:flex|\\d+|(?:offset|order|pull|push)-\\d+)$`,
  );
}

function rulePrelude(block: string): string {
  return block.slice(0, block.indexOf('{')).trim();
}

/**
 * Without the grid rules of the breakpoints outside `used`: rules whose every selector is such
 * a class go, and a media block they leave empty goes with them.
 */
export function pruneGridBreakpoints(css: string, used: ReadonlySet<string>): string {
  const unused = GRID_BREAKPOINTS.filter((bp) => !used.has(bp));
  if (unused.length === 0) return css;
  const only = breakpointOnly(unused);
  const keep = (block: string) =>
    !rulePrelude(block)
      .split(',')
      .every((selector) => only.test(selector.trim()));
  const out: string[] = [];
  for (const block of topLevelBlocks(css)) {
    const prelude = rulePrelude(block);
    if (!prelude.startsWith('@media')) {
      if (keep(block)) out.push(block);
      continue;
    }
    const inner = topLevelBlocks(block.slice(block.indexOf('{') + 1, -1)).filter(keep);
    if (inner.length > 0) out.push(`${prelude}{${inner.join('')}}`);
  }
  return out.join('\n') + '\n';
}

/**
 * The extract without the variables of other themes, and with one copy of each repeated block: the
 * last one, since a later identical rule already wins over everything the earlier copies did.
 * `cssVarKey` is the theme's fixed key (desk-theme.ts, `css-var-desk`); blocks scoped only to
 * other keys go.
 */
export function pruneAntdCss(css: string, cssVarKey: string): string {
  const blocks = topLevelBlocks(css).filter((block) => {
    const prelude = block.slice(0, block.indexOf('{'));
    const keys = [...prelude.matchAll(CSS_VAR_SCOPE)].map((m) => m[1]);
    return keys.length === 0 || keys.includes(cssVarKey);
  });
  const last = new Map(blocks.map((block, i) => [block, i]));
  return blocks.filter((block, i) => last.get(block) === i).join('\n') + '\n';
}
