import { describe, expect, it } from 'vitest';
import {
  looksLikeHeader,
  parsePastedTable,
  pastedCellText,
  pastedColumns,
} from '../../../domain/cases/pasted-table';

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

describe('pasted roster columns and cells', () => {
  it('maps a header row whatever its order, skipping 序号, 性别 and unknown columns', () => {
    const rows = parsePastedTable(
      '序号\t姓名\t性别\t身份证号码\t手机号\t工种\t家庭住址\t备注\n1\t张三\t男\t1\t2\t3\t4\t5\n',
    );
    const { columns, body } = pastedColumns(rows, 'name');
    expect(columns).toEqual([
      null,
      'name',
      null,
      'idNumber',
      'phone',
      'occupation',
      'address',
      null,
    ]);
    expect(body).toEqual([['1', '张三', '男', '1', '2', '3', '4', '5']]);
  });

  it('without a header fills roster order from the cell pasted into', () => {
    const { columns, body } = pastedColumns([['139', '金峰村', '牧民', 'extra']], 'phone');
    expect(columns).toEqual(['phone', 'address', 'occupation', null]);
    expect(body).toHaveLength(1);
  });

  it('treats a quote that never closes as an ordinary character', () => {
    expect(parsePastedTable('张三\t"放牧\n李四\t牧民')).toEqual([
      ['张三', '"放牧'],
      ['李四', '牧民'],
    ]);
  });

  it('makes one line of a cell and removes invisible characters, keeping refused ones visible', () => {
    expect(pastedCellText('金峰村\n 一组')).toBe('金峰村 一组');
    expect(pastedCellText('王\u200B芳\uFEFF')).toBe('王芳');
    // A control character is left for the cell's own rule to name.
    expect(pastedCellText('王\u0007芳')).toBe('王\u0007芳');
  });
});
