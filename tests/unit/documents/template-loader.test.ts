import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FontNotFoundError,
  loadDocumentFonts,
  resolveFontFiles,
} from '../../../electron/documents/font-registry.js';
import {
  compileText,
  MissingValueError,
  placeholdersOf,
  resolveText,
  TemplateSyntaxError,
} from '../../../electron/documents/placeholders.js';
import {
  loadTemplateFile,
  parseTemplate,
  TemplateLoadError,
} from '../../../electron/documents/template-loader.js';
import { chineseListNumber } from '../../../electron/documents/render-document.js';
import { REPO, TEMPLATES } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mediation-doc-'));
  dirs.push(dir);
  return dir;
};

const agreementJson = () =>
  JSON.parse(readFileSync(path.join(TEMPLATES, 'agreement.v1.json'), 'utf8')) as Record<
    string,
    unknown
  > & { blocks: Record<string, unknown>[] };

const minimal = (blocks: unknown[], footer = '第 {{page.number}} 页 共 {{page.count}} 页') => ({
  id: 'test-template',
  version: 1,
  title: '测试',
  page: { size: 'A4', marginsMm: { top: 30, bottom: 28, left: 28, right: 26 } },
  text: { bodySizePt: 14, lineGapPt: 7 },
  footer: { pageNumber: footer },
  blocks,
});

describe('placeholders', () => {
  const known = (p: string) => ['case.number', 'party.name'].includes(p);

  it('compiles template text into literals and paths', () => {
    const compiled = compileText('编号：{{case.number}}，当事人{{ party.name }}。', known);
    expect(placeholdersOf(compiled)).toEqual(['case.number', 'party.name']);
    expect(resolveText(compiled, (p) => (p === 'case.number' ? 'A' : 'B'))).toBe(
      '编号：A，当事人B。',
    );
  });

  it('inserts values as literal text, single pass', () => {
    const compiled = compileText('{{party.name}}|{{case.number}}', known);
    const values: Record<string, string> = {
      'party.name': '{{case.number}}',
      'case.number': "$& $1 $` $' ${process.exit()} <script>",
    };
    expect(resolveText(compiled, (p) => values[p])).toBe(
      "{{case.number}}|$& $1 $` $' ${process.exit()} <script>",
    );
  });

  it('refuses unknown paths, bad syntax and stray braces', () => {
    expect(() => compileText('{{case.numbr}}', known)).toThrow(TemplateSyntaxError);
    expect(() => compileText('{{case.numbr}}', known)).toThrow('未知的占位符');
    expect(() => compileText('{{ }}', known)).toThrow('格式错误');
    expect(() => compileText('{{case..number}}', known)).toThrow('格式错误');
    expect(() => compileText('{{constructor}}', known)).toThrow('格式错误');
    expect(() => compileText('{{case.number', known)).toThrow('不成对');
    expect(() => compileText('a }} b', known)).toThrow('不成对');
    expect(() => compileText('{{{case.number}}}', known)).toThrow();
  });

  it('reports a missing value instead of printing a blank', () => {
    expect(() => resolveText(compileText('{{case.number}}', known), () => undefined)).toThrow(
      MissingValueError,
    );
  });
});

describe('template files', () => {
  it('loads both shipped templates', () => {
    const agreement = loadTemplateFile(path.join(TEMPLATES, 'agreement.v1.json'));
    expect(agreement.file).toMatchObject({
      id: 'people-mediation-agreement',
      version: 1,
      title: '人民调解协议书',
    });
    const notice = loadTemplateFile(path.join(TEMPLATES, 'rights-notice.v1.json'));
    expect(notice.file.title).toBe('人民调解当事人权利义务告知书');
  });

  it('refuses a template with an unknown placeholder at load time', () => {
    const json = agreementJson();
    json.blocks.push({ type: 'paragraph', text: '{{agreement.secret}}' });
    expect(() => parseTemplate(json, 'agreement.v1.json')).toThrow(TemplateLoadError);
    expect(() => parseTemplate(json, 'agreement.v1.json')).toThrow('{{agreement.secret}}');
  });

  it('refuses list-item placeholders outside their repeat', () => {
    expect(() => parseTemplate(minimal([{ type: 'paragraph', text: '{{party.name}}' }]))).toThrow(
      '未知的占位符',
    );
    expect(() =>
      parseTemplate(
        minimal([
          {
            type: 'repeat',
            over: 'parties',
            blocks: [{ type: 'paragraph', text: '{{party.name}}' }],
          },
        ]),
      ),
    ).not.toThrow();
    expect(() =>
      parseTemplate(
        minimal([{ type: 'repeat', over: 'witnesses', blocks: [{ type: 'spacer', heightMm: 1 }] }]),
      ),
    ).toThrow('未知的列表');
    expect(() => parseTemplate(minimal([{ type: 'paragraph', text: '{{page.number}}' }]))).toThrow(
      '未知的占位符',
    );
    expect(() =>
      parseTemplate(minimal([{ type: 'spacer', heightMm: 1 }], '{{agreement.nope}}')),
    ).toThrow('未知的占位符');
    expect(() =>
      parseTemplate(minimal([{ type: 'paragraph', if: 'party.name', text: 'x' }])),
    ).toThrow('未知的字段');
  });

  it('validates the structure with zod', () => {
    expect(() => parseTemplate(minimal([{ type: 'marquee', text: 'x' }]))).toThrow('格式错误');
    expect(() => parseTemplate(minimal([{ type: 'paragraph', text: 'x', colour: 'red' }]))).toThrow(
      '格式错误',
    );
    expect(() =>
      parseTemplate(
        minimal([
          {
            type: 'signature-table',
            columns: 2,
            slotWidthMm: 20, // below 2.5 cm
            slotHeightMm: 20,
            slots: [{ label: 'x' }],
          },
        ]),
      ),
    ).toThrow('格式错误');
    expect(() => parseTemplate({ ...minimal([]), blocks: [] })).toThrow('格式错误');
    expect(() =>
      parseTemplate(
        minimal([{ type: 'form-table', columnWidths: [1, 2], rows: [{ cells: [{ text: 'a' }] }] }]),
      ),
    ).toThrow('应为 2 列');
  });

  it('reports an unreadable file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.v1.json');
    writeFileSync(file, '{ not json');
    expect(() => loadTemplateFile(file)).toThrow('无法读取文书模板 broken.v1.json');
  });
});

describe('chineseListNumber', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
  ])('%d → %s', (n, s) => expect(chineseListNumber(n)).toBe(s));
});

describe('font registry', () => {
  const npmDir = path.join(REPO, 'node_modules', '@expo-google-fonts');

  it('finds fonts in the npm layout and in a flat resources directory', () => {
    const npm = resolveFontFiles(npmDir);
    expect(npm.serif).toMatch(/NotoSerifSC_400Regular\.ttf$/);
    expect(npm.serifBold).toMatch(/NotoSerifSC_700Bold\.ttf$/);
    const flat = tempDir();
    const files = [npm.serif, npm.serifBold, npm.tibetan, npm.mongolian ?? '', ...npm.rare];
    for (const file of files) symlinkSync(file, path.join(flat, path.basename(file)));
    expect(resolveFontFiles(flat)).toEqual({
      serif: path.join(flat, 'NotoSerifSC_400Regular.ttf'),
      serifBold: path.join(flat, 'NotoSerifSC_700Bold.ttf'),
      tibetan: path.join(flat, 'NotoSerifTibetan_400Regular.ttf'),
      mongolian: path.join(flat, 'NotoSansMongolian_400Regular.ttf'),
      rare: [
        path.join(flat, 'NotoSerifTC_400Regular.ttf'),
        path.join(flat, 'NotoSerifJP_400Regular.ttf'),
      ],
    });
  });

  it('says which font is missing', () => {
    expect(() => resolveFontFiles(tempDir())).toThrow(FontNotFoundError);
    expect(() => resolveFontFiles(tempDir())).toThrow('找不到文书字体（serif）');
  });

  it('parses each font once and shares it', () => {
    const a = loadDocumentFonts(npmDir);
    const b = loadDocumentFonts(npmDir);
    expect(b).toBe(a);
    expect(a.serif.postscriptName).toBe('NotoSerifSC-Regular');
    expect(a.serifBold.postscriptName).toBe('NotoSerifSC-Bold');
    expect(a.tibetan.hasGlyphForCodePoint(0x0f40)).toBe(true);
  });
});
