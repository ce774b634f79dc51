import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { antdComponentsUsed, antdValueImports } from '../../../build/antd-style/antd-components.ts';

// The desk's antd stylesheet covers only the components the renderer can render (issue 13: the
// full one was 1.2 MB parsed on every page). The list is derived from the renderer's imports and
// antd's own; these pin the derivation, the e2e check (antd-static-styles) the rendered pages.

const root = path.resolve(__dirname, '../../..');
const antdEs = path.join(root, 'node_modules', 'antd', 'es');

describe('antd components the stylesheet covers', () => {
  it('reads value imports from antd, renamed or multi-line, and skips type-only ones', () => {
    const names = antdValueImports([
      "import { App as AntApp, ConfigProvider, Spin } from 'antd';",
      "import {\n  Layout,\n  Menu,\n  type MenuProps,\n} from 'antd';",
      "import type { FormInstance } from 'antd';",
      "import { Rule } from 'antd/es/form';",
    ]);
    expect([...names].sort()).toEqual(['App', 'ConfigProvider', 'Layout', 'Menu', 'Spin']);
  });

  it('adds the components antd renders inside the ones the renderer imports', () => {
    const used = antdComponentsUsed(path.join(root, 'renderer', 'src'), antdEs);
    // Imported by the renderer…
    expect(used).toEqual(expect.arrayContaining(['Table', 'Form', 'Menu', 'DatePicker']));
    // …and drawn by those: the ledger's pager and row boxes, the form's grid, App's toasts.
    expect(used).toEqual(
      expect.arrayContaining(['Pagination', 'Checkbox', 'Spin', 'Empty', 'Row', 'Col', 'message']),
    );
    // Not everything: components nothing reaches stay out of the stylesheet.
    expect(used).not.toContain('QRCode');
    expect(used).not.toContain('Carousel');
  });

  it('refuses an import antd does not export rather than leave its styles out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'antd-components-'));
    try {
      fs.writeFileSync(path.join(dir, 'Page.tsx'), "import { Button, Buton } from 'antd';\n");
      expect(() => antdComponentsUsed(dir, antdEs)).toThrow('antd does not export Buton');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
