import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  antdBreakpointsUsed,
  antdValueImports,
} from '../../../build/antd-style/antd-components.ts';
import {
  pruneAntdCss,
  pruneGridBreakpoints,
  topLevelBlocks,
} from '../../../build/antd-style/antd-css-blocks.ts';
import { antdDeskCss, antdExtract } from '../../../build/antd-style/antd-style-plugin.ts';

// Issue 13: the desk's antd stylesheet is parsed by every page and matched on every style
// recalculation. These pin what the build cuts from antd's extract and that no component the
// renderer imports loses its rules to the cut.

const root = path.resolve(__dirname, '../../..');
const rendererSrc = path.join(root, 'renderer', 'src');

describe('cutting the antd extract', () => {
  it('splits top-level blocks, braces inside strings and at-rules included', () => {
    const css = '.a{content:"{"}@media (min-width: 1px){.b{x:1}.c{y:2}}\n.d::after{content:\'}\'}';
    expect(topLevelBlocks(css)).toEqual([
      '.a{content:"{"}',
      '@media (min-width: 1px){.b{x:1}.c{y:2}}',
      ".d::after{content:'}'}",
    ]);
    expect(() => topLevelBlocks('.a{x:1')).toThrow('unbalanced');
  });

  it('drops other themes’ variables, keeps the cache marker and the last of repeated blocks', () => {
    const css = [
      '.ant-fade{opacity:0}',
      '.css-var-desk{--ant-blue:#1677FF}',
      '.css-var-_R_157_{--ant-blue:#1677FF}',
      '.css-var-_R_157_.ant-btn{--ant-button-x:1}',
      '.ant-btn{color:red}',
      '.data-ant-cssinjs-cache-path{content:"|x"}',
      '.ant-fade{opacity:0}',
      '.ant-form-css-var [class^="ant-form"]{box-sizing:border-box}',
    ].join('');
    expect(topLevelBlocks(pruneAntdCss(css, 'css-var-desk'))).toEqual([
      '.css-var-desk{--ant-blue:#1677FF}',
      '.ant-btn{color:red}',
      // read back by @ant-design/cssinjs in the page
      '.data-ant-cssinjs-cache-path{content:"|x"}',
      // the later copy: it is the one that won over .ant-btn before
      '.ant-fade{opacity:0}',
      '.ant-form-css-var [class^="ant-form"]{box-sizing:border-box}',
    ]);
  });

  it('drops the grid rules of unused breakpoints only, and the media blocks they empty', () => {
    const css = [
      '.ant-col-8{flex:0 0 33%}',
      '.ant-col-xs-8{flex:0 0 33%}',
      '@media (min-width: 768px){.ant-col-md-8{flex:0 0 33%}.ant-col-md-push-2{left:8%}}',
      '@media (min-width: 992px){.ant-col-lg-8{flex:0 0 33%}.ant-modal{width:1px}}',
      '.ant-form-item-row>.ant-col-xl-24.ant-form-item-label{padding:0}',
      '.ant-col-xs-flex,.ant-col-xs-offset-2{flex:auto}',
    ].join('');
    expect(topLevelBlocks(pruneGridBreakpoints(css, new Set(['lg'])))).toEqual([
      '.ant-col-8{flex:0 0 33%}',
      '@media (min-width: 992px){.ant-col-lg-8{flex:0 0 33%}.ant-modal{width:1px}}',
      '.ant-form-item-row>.ant-col-xl-24.ant-form-item-label{padding:0}',
    ]);
  });

  it('keeps a breakpoint the renderer names as a prop or key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'antd-breakpoints-'));
    try {
      fs.writeFileSync(path.join(dir, 'A.tsx'), '<Col md={8} />;\nconst l = { xl: 6 };\n');
      fs.writeFileSync(path.join(dir, 'B.tsx'), "const size = 'lg';\n");
      expect([...antdBreakpointsUsed(dir)].sort()).toEqual(['md', 'xl']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the desk’s antd stylesheet', () => {
  it('holds every rule of each antd component the renderer imports', { timeout: 120_000 }, () => {
    const desk = new Set(topLevelBlocks(antdDeskCss(root)));
    const sources = fs
      .readdirSync(rendererSrc, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    const imported = [...antdValueImports(sources)].filter((name) => name !== 'ConfigProvider');
    // The check has teeth: the pages' main components are among the ones checked.
    expect(imported).toEqual(expect.arrayContaining(['Table', 'Form', 'Menu', 'Col', 'Modal']));
    const breakpoints = antdBreakpointsUsed(rendererSrc);
    const missing: string[] = [];
    for (const name of imported) {
      // Its rules, not its variables or the cache marker (which lists what the extract rendered).
      const own = topLevelBlocks(pruneGridBreakpoints(antdExtract([name]), breakpoints)).filter(
        (block) => !/^\.(css-var-|data-ant-cssinjs-cache-path)/.test(block),
      );
      // A component drawn alone with no rules of its own would make this check empty for it.
      expect(own.length, name).toBeGreaterThan(0);
      missing.push(
        ...own.filter((block) => !desk.has(block)).map((b) => `${name}: ${b.slice(0, 80)}`),
      );
    }
    expect(missing).toEqual([]);
  });
});
