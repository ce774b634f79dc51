import { writeFile } from 'node:fs/promises';
import theme from 'exceljs/lib/xlsx/xml/theme1.js';
import { zipDeflated } from './native-zip.js';
import { safeCellText } from './spreadsheet-cells.js';

/**
 * 案件台账 .xlsx: one sheet of text cells under a merged title and a header row, written as the
 * XML exceljs's streaming writer made for it (same parts, same styles, same cell markup: a test
 * compares the two), without exceljs's per-cell object model, which took ~40 ms per 1,000 rows,
 * the largest part of a quarter's exports. Every text cell is formula-safe.
 */

const WIDTHS: Readonly<Record<string, number>> = {
  序号: 6,
  编号: 22,
  登记日期: 11,
  来源: 12,
  类型: 20,
  当事人: 18,
  联系电话: 26,
  '乡镇/村': 22,
  简要情况: 30,
  风险等级: 8,
  '责任单位/责任人': 26,
  化解措施: 22,
  化解状态: 9,
  化解日期: 11,
  回访情况: 9,
  发生日期: 11,
  发生地点: 22,
  涉及人数: 8,
  预警等级: 12,
  包案领导: 12,
  身份证件号码: 40,
  住址: 40,
};

const SHEET = '案件台账';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Style indexes of `STYLES`: title (SimHei 14 bold, centred), header (bold, boxed), body (boxed). */
const TITLE = 1;
const HEADER = 2;
const BODY = 3;

const STYLES = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main"><fonts count="3" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="SimHei"/></font><font><b/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/><extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>`;

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${SHEET}</vt:lpstr></vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The header row repeats on every printed page. */
const WORKBOOK = `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets><sheet sheetId="1" name="${SHEET}" state="visible" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${SHEET}&apos;!$2:$2</definedName></definedNames><calcPr calcId="171027"/></workbook>`;

function core(now: Date): string {
  const at = `${now.toISOString().slice(0, 19)}Z`;
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>调解工作台</dc:creator><cp:lastModifiedBy>ExcelJS</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`;
}

// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const XML_SPECIAL = /["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** As exceljs: the five XML entities, and control characters XML 1.0 cannot hold dropped. */
function xmlText(text: string): string {
  return text.replace(XML_SPECIAL, (c) => ESCAPES[c] ?? '');
}

/** Column letters of a 1-based column number (A, …, Z, AA, …). */
function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  }
  return name;
}

/**
 * Column widths as exceljs wrote them: runs of equal widths as one range, and a width of 9 (its
 * default) left out, so the sheet is the one the openpyxl tests and the rooms have seen.
 */
function colsXml(columns: readonly string[]): string {
  const ranges: { min: number; max: number; width: number }[] = [];
  columns.forEach((c, i) => {
    const width = WIDTHS[c] ?? 14;
    const last = ranges.at(-1);
    if (width === 9) return;
    if (last && last.max === i && last.width === width) last.max = i + 1;
    else ranges.push({ min: i + 1, max: i + 1, width });
  });
  return ranges
    .map((r) => `<col min="${r.min}" max="${r.max}" width="${r.width}" customWidth="1"/>`)
    .join('');
}

function rowXml(r: number, letters: readonly string[], cells: string): string {
  return `<row r="${r}" spans="1:${letters.length}" x14ac:dyDescent="0.25">${cells}</row>`;
}

function textCell(ref: string, style: number, text: string): string {
  return `<c r="${ref}" s="${style}" t="str"><v>${xmlText(safeCellText(text))}</v></c>`;
}

function sheetXml(title: string, columns: readonly string[], rows: readonly string[][]): string {
  const letters = columns.map((_, i) => columnName(i + 1));
  const parts: string[] = [
    `${XML_HEAD.trimEnd()}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/><cols>`,
    colsXml(columns),
    '</cols><sheetData>',
    rowXml(
      1,
      letters,
      textCell('A1', TITLE, title) +
        letters
          .slice(1)
          .map((l) => `<c r="${l}1" s="${TITLE}"/>`)
          .join(''),
    ),
    rowXml(2, letters, columns.map((c, i) => textCell(`${letters[i]}2`, HEADER, c)).join('')),
  ];
  rows.forEach((values, k) => {
    const r = k + 3;
    let cells = '';
    for (let i = 0; i < values.length; i += 1) {
      cells += textCell(`${letters[i] ?? columnName(i + 1)}${r}`, BODY, values[i] ?? '');
    }
    parts.push(rowXml(r, letters, cells));
  });
  parts.push(
    `</sheetData><mergeCells count="1"><mergeCell ref="A1:${letters.at(-1) ?? 'A'}1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/></worksheet>`,
  );
  return parts.join('');
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** 案件台账 .xlsx: A4 landscape, one page wide, header row frozen and repeated on each page. */
export async function writeLedgerXlsx(
  file: string,
  title: string,
  columns: readonly string[],
  rows: readonly string[][],
  now: Date = new Date(),
): Promise<void> {
  const zip = zipDeflated(
    [
      ['xl/theme/theme1.xml', utf8(theme)],
      ['_rels/.rels', utf8(ROOT_RELS)],
      ['xl/worksheets/sheet1.xml', utf8(sheetXml(title, columns, rows))],
      ['[Content_Types].xml', utf8(CONTENT_TYPES)],
      ['docProps/app.xml', utf8(APP)],
      ['docProps/core.xml', utf8(core(now))],
      ['xl/styles.xml', utf8(STYLES)],
      ['xl/_rels/workbook.xml.rels', utf8(WORKBOOK_RELS)],
      ['xl/workbook.xml', utf8(WORKBOOK)],
    ],
    now,
  );
  await writeFile(file, zip, { flag: 'wx', mode: 0o600 });
}
