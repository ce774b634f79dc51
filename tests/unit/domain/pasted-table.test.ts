import { describe, expect, it } from 'vitest';
import { looksLikeHeader, parsePastedTable } from '../../../domain/cases/pasted-table';

/** Issue 8, must-have 8: rows copied from Excel/WPS (tab-separated, quoted when needed). */
describe('pasted spreadsheet rows', () => {
  it('reads rows and cells, CRLF or LF, without the trailing line break', () => {
    expect(parsePastedTable('张三\t110\t139\r\n李四\t120\t138\r\n')).toEqual([
      ['张三', '110', '139'],
      ['李四', '120', '138'],
    ]);
    expect(parsePastedTable('王五\t\t\t金峰村\n')).toEqual([['王五', '', '', '金峰村']]);
  });

  it('keeps a quoted cell whole: line breaks, tabs and doubled quotes inside it', () => {
    expect(parsePastedTable('"金峰村\n一组"\t"他说""好"""\t"a\tb"\n赵六\t1')).toEqual([
      ['金峰村\n一组', '他说"好"', 'a\tb'],
      ['赵六', '1'],
    ]);
  });

  it('drops blank rows and trims cells; a quote inside a cell is just a character', () => {
    expect(parsePastedTable('\n  孙七 \t 5"寸 \n\t\t\n')).toEqual([['孙七', '5"寸']]);
  });

  it('knows a header row', () => {
    expect(looksLikeHeader(['姓名', '身份证号', '电话'])).toBe(true);
    expect(looksLikeHeader(['张三', '110', '139'])).toBe(false);
  });
});
