import { Button, Form, Input, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import {
  parsePastedTable,
  pastedCellText,
  pastedColumns,
  type PASTE_COLUMNS,
  type PasteColumn,
} from '../../../../domain/cases/pasted-table';
import { naturalPartyInputSchema } from '../../../../domain/cases/party-input';
import * as ethnicGroups from '../../../../domain/taxonomy/ethnic-groups';
import type { Extension } from '../../../../domain/taxonomy/ethnic-groups';
import * as genders from '../../../../domain/taxonomy/genders';
import * as partyRoles from '../../../../domain/taxonomy/party-roles';
import { checkIdNumber, normaliseIdNumber } from '../../../../domain/validation/id-number';
import {
  scriptOfLanguage,
  scriptOfText,
  type OwnScriptField,
} from '../../../../domain/validation/own-script';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';
import { ethnicOptionGroups, matchesEthnic } from './ethnic-options';
import { newParty, type PartyFormValues } from './intake-values';
import { OwnScriptInput, ownScriptRule } from './OwnScriptFields';
import { idNumberRule, phoneRule } from './party-field-rules';

const t = uiText.intake;
const natural = naturalPartyInputSchema.shape;

/** The text cells a paste can start in (roster order: 姓名 身份证号 电话 住址 职业). */
type TextColumn = (typeof PASTE_COLUMNS)[number];
/** Columns a group shares and fills down. */
const FILL_COLUMNS = ['ethnicity', 'address', 'occupation'] as const;
type FillColumn = (typeof FILL_COLUMNS)[number];

const roleOptions = partyRoles.rows.map((r) => ({ value: r.code, label: r.label }));
const genderOptions = genders.rows.map((r) => ({ value: r.code, label: r.label }));

/** The form path of one cell of a row. */
function cellPath(row: number, column: PasteColumn): (string | number)[] {
  if (column === 'idNumber') return ['parties', row, 'idDocument', 'number'];
  if (column === 'phone') return ['parties', row, 'phone', 'phone'];
  return ['parties', row, column];
}

/** 汉族 or 汉 (or a configured extension's name) as the picker's code; unknown names stay empty. */
function ethnicCodeOf(text: string, extensions: readonly Extension[]): string | undefined {
  const rows = ethnicGroups.ethnicPickerOrder([], extensions);
  const hit = rows.find((r) => r.label === text || r.label === `${text}族` || r.code === text);
  return hit?.code;
}

function withCell(p: PartyFormValues, column: PasteColumn, value: string): PartyFormValues {
  switch (column) {
    case 'idNumber':
      return { ...p, idDocument: { ...(p.idDocument ?? { type: 'RESIDENT_ID' }), number: value } };
    case 'phone':
      return { ...p, phone: { ...p.phone, phone: value } };
    default:
      return { ...p, [column]: value };
  }
}

/** Birth date and gender follow a valid resident ID number, as on the card. */
function withIdReading(p: PartyFormValues, intakeDate: string): PartyFormValues {
  const number = p.idDocument?.number;
  if (p.kind !== 'NATURAL' || !number) return p;
  const checked = checkIdNumber(number, { today: intakeDate });
  if (!checked.valid) return p;
  return { ...p, birthDate: checked.birthDate, gender: checked.gender, genderConfirmed: false };
}

/**
 * Group intake (issue 8, must-have 8): one row per person, for the 14 workers of a wage case.
 * The rows are the same `parties` list the cards edit, with the card's own field rules, so a
 * row is refused for what a card would be. A block copied from Excel or WPS can be pasted into
 * any of 姓名 … 职业 and fills the rows from there (adding rows as needed); 民族, 住址 and 职业
 * fill down (button or Ctrl+D, as in a spreadsheet). Enter in the last cell adds a row.
 */
export function PartyTable(props: {
  readonly form: FormInstance;
  readonly intakeDate: string;
  readonly extensions: readonly Extension[];
  /** Programmatic changes (paste, fill-down) do not raise the form's onValuesChange. */
  readonly onBulkChange: () => void;
}) {
  const { form, intakeDate } = props;
  const parties = (Form.useWatch('parties', form) ?? []) as PartyFormValues[];
  const cellId = (row: number, column: string) => `party-table-${row}-${column}`;

  function revalidate(names: readonly (string | number)[][]) {
    // Rows added by a paste have no fields until the next render: check them after it.
    setTimeout(() => void form.validateFields([...names]).catch(() => undefined), 0);
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, row: number, column: TextColumn) {
    const text = e.clipboardData.getData('text/plain');
    // One value (a name, a number, one line of an address): an ordinary paste into the cell.
    if (!text.includes('\t') && !/\n\s*\S/u.test(text.trim())) return;
    e.preventDefault();
    const { columns, body } = pastedColumns(parsePastedTable(text), column);
    if (body.length === 0) return;
    const list = [...((form.getFieldValue('parties') ?? []) as PartyFormValues[])];
    const role = list[row]?.role ?? 'APPLICANT';
    const filled: (string | number)[][] = [];
    body.forEach((cells, r) => {
      const at = row + r;
      const existing = list[at];
      // The rows a roster lands in are the same people: an empty row (such as the blank
      // 被申请人 intake starts with) takes the role of the row the paste began in.
      let p: PartyFormValues =
        existing && (existing.name ?? '').trim() !== ''
          ? existing
          : { ...(existing ?? newParty(list.slice(0, at))), role };
      cells.forEach((raw, c) => {
        const col = columns[c];
        if (col === null || col === undefined) return;
        // Numbers typed with a Chinese input method arrive full-width: shown as the save keeps them.
        const text = pastedCellText(raw);
        const value =
          col === 'idNumber'
            ? normaliseIdNumber(text)
            : col === 'phone'
              ? text.normalize('NFKC')
              : text;
        if (col === 'ethnicity') {
          const code = ethnicCodeOf(value, props.extensions);
          if (code !== undefined) p = { ...p, ethnicity: code };
        } else {
          p = withCell(p, col, value);
        }
        if (value !== '') filled.push(cellPath(at, col));
      });
      list[at] = withIdReading(p, intakeDate);
    });
    form.setFieldValue('parties', list);
    props.onBulkChange();
    // Only what the paste filled is checked now: a mistyped number shows in its own cell at
    // once, while the columns left for fill-down stay quiet until the mediator saves.
    revalidate(filled);
  }

  function fillDown(column: FillColumn, from = 0) {
    const list = [...((form.getFieldValue('parties') ?? []) as PartyFormValues[])];
    const value = list[from]?.[column];
    if (!value) return;
    const touched: (string | number)[][] = [];
    for (let i = from + 1; i < list.length; i += 1) {
      const p = list[i];
      if (p && p.kind === 'NATURAL' && !p[column]) {
        list[i] = { ...p, [column]: value };
        touched.push(cellPath(i, column));
      }
    }
    form.setFieldValue('parties', list);
    props.onBulkChange();
    revalidate(touched);
  }

  function addRow(focus: boolean) {
    const list = (form.getFieldValue('parties') ?? []) as PartyFormValues[];
    form.setFieldValue('parties', [...list, newParty(list)]);
    props.onBulkChange();
    if (focus) setTimeout(() => document.getElementById(cellId(list.length, 'name'))?.focus(), 0);
  }

  /**
   * The table has no language column: Mongolian or Tibetan typed into an own-script cell of a
   * row still on 汉语 sets the row's language (and 需要翻译), so the script check has its script.
   */
  function presetLanguage(row: number, value: string) {
    const list = [...((form.getFieldValue('parties') ?? []) as PartyFormValues[])];
    const p = list[row];
    if (!p || scriptOfLanguage(p.preferredLanguage ?? 'zh') !== null) return;
    const script = scriptOfText(value);
    if (script === null) return;
    // The whole list, as paste and fill-down do: the table has no box for the language, and a
    // value set at a path no box holds does not reach Form.useWatch.
    list[row] = {
      ...p,
      preferredLanguage: script === 'MONGOLIAN' ? 'mn' : 'bo',
      needsInterpreter: true,
    };
    form.setFieldValue('parties', list);
    props.onBulkChange();
  }

  function keys(e: KeyboardEvent, row: number, column: string) {
    // Keys belong to the input method while it composes (keyCode 229 in Chromium).
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    // Ctrl+D copies the cell above, as in Excel and WPS.
    if (e.key.toLowerCase() === 'd' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      const above = parties[row - 1];
      if (above && (FILL_COLUMNS as readonly string[]).includes(column)) {
        const list = [...((form.getFieldValue('parties') ?? []) as PartyFormValues[])];
        const p = list[row];
        if (p) list[row] = { ...p, [column]: above[column as FillColumn] };
        form.setFieldValue('parties', list);
        props.onBulkChange();
        revalidate([cellPath(row, column as FillColumn)]);
      }
    }
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (column === 'occupation' && row === parties.length - 1) addRow(true);
      else document.getElementById(cellId(row + 1, column))?.focus();
    }
  }

  const fillButton = (column: FillColumn) => (
    <Button
      size="small"
      type="link"
      tabIndex={-1}
      onClick={() => fillDown(column)}
      data-testid={`fill-down-${column}`}
    >
      {t.table.fillDown}
    </Button>
  );

  return (
    <div data-testid="party-table">
      <Typography.Paragraph type="secondary">{t.table.hint}</Typography.Paragraph>
      <Form.List name="parties">
        {(fields, { remove }) => (
          <div className="party-table-scroll">
            <table className="party-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t.role}</th>
                  <th>{t.name}</th>
                  <th>{t.table.idNumber}</th>
                  <th>{t.gender}</th>
                  <th>
                    {t.ethnicity}
                    {fillButton('ethnicity')}
                  </th>
                  <th>{t.phone}</th>
                  <th>
                    {t.table.address}
                    {fillButton('address')}
                  </th>
                  <th>{t.table.ownScriptName}</th>
                  <th>{t.table.ownScriptAddress}</th>
                  <th>
                    {t.table.occupation}
                    {fillButton('occupation')}
                  </th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {fields.map((field, row) => {
                  const p = parties[field.name];
                  const isPerson = (p?.kind ?? 'NATURAL') === 'NATURAL';
                  const cell = (column: TextColumn | FillColumn | OwnScriptField) => ({
                    id: cellId(row, column),
                    onKeyDown: (e: KeyboardEvent) => keys(e, row, column),
                  });
                  const text = (column: TextColumn) => ({
                    ...cell(column),
                    onPaste: (e: ClipboardEvent<HTMLInputElement>) => onPaste(e, row, column),
                  });
                  return (
                    <tr key={field.key} data-testid={`party-row-${row}`}>
                      <td>{row + 1}</td>
                      <td className="party-table-role">
                        <Form.Item name={[field.name, 'role']}>
                          <Select options={roleOptions} />
                        </Form.Item>
                      </td>
                      <td className="party-table-name">
                        <Form.Item name={[field.name, 'name']} rules={[zodRule(natural.name)]}>
                          <Input {...text('name')} />
                        </Form.Item>
                      </td>
                      {isPerson ? (
                        <>
                          <td className="party-table-id">
                            <Form.Item
                              name={[field.name, 'idDocument', 'number']}
                              rules={[idNumberRule(form, ['parties', field.name, 'idDocument'])]}
                            >
                              <Input
                                {...text('idNumber')}
                                onChange={(e) => {
                                  const list = [
                                    ...((form.getFieldValue('parties') ?? []) as PartyFormValues[]),
                                  ];
                                  const current = list[field.name];
                                  if (!current) return;
                                  const next = withIdReading(
                                    withCell(current, 'idNumber', e.target.value),
                                    intakeDate,
                                  );
                                  if (next.gender !== current.gender) {
                                    form.setFieldValue(
                                      ['parties', field.name, 'gender'],
                                      next.gender,
                                    );
                                    form.setFieldValue(
                                      ['parties', field.name, 'birthDate'],
                                      next.birthDate,
                                    );
                                    form.setFieldValue(
                                      ['parties', field.name, 'genderConfirmed'],
                                      false,
                                    );
                                  }
                                }}
                              />
                            </Form.Item>
                          </td>
                          <td className="party-table-gender">
                            <Form.Item
                              name={[field.name, 'gender']}
                              rules={[zodRule(natural.gender)]}
                            >
                              <Select options={genderOptions} id={cellId(row, 'gender')} />
                            </Form.Item>
                          </td>
                          <td className="party-table-ethnicity">
                            <Form.Item
                              name={[field.name, 'ethnicity']}
                              rules={[zodRule(natural.ethnicity)]}
                            >
                              <Select
                                showSearch={{ filterOption: matchesEthnic }}
                                options={ethnicOptionGroups(props.extensions)}
                                {...cell('ethnicity')}
                              />
                            </Form.Item>
                          </td>
                          <td className="party-table-phone">
                            <Form.Item name={[field.name, 'phone', 'phone']} rules={[phoneRule]}>
                              <Input {...text('phone')} />
                            </Form.Item>
                          </td>
                          <td className="party-table-address">
                            <Form.Item
                              name={[field.name, 'address']}
                              rules={[zodRule(natural.address)]}
                            >
                              <Input {...text('address')} />
                            </Form.Item>
                          </td>
                          {(['ownScriptName', 'ownScriptAddress'] as const).map((column) => (
                            <td key={column} className="party-table-own-script">
                              <Form.Item
                                name={[field.name, column]}
                                dependencies={[['parties', field.name, 'preferredLanguage']]}
                                rules={[
                                  zodRule(natural[column]),
                                  ownScriptRule(form, ['parties', field.name], column),
                                ]}
                              >
                                <OwnScriptInput
                                  {...cell(column)}
                                  language={p?.preferredLanguage}
                                  onChange={(e) => presetLanguage(field.name, e.target.value)}
                                  data-testid={`party-row-${row}-${column}`}
                                />
                              </Form.Item>
                            </td>
                          ))}
                          <td>
                            <Form.Item
                              name={[field.name, 'occupation']}
                              rules={[zodRule(natural.occupation)]}
                            >
                              <Input {...text('occupation')} />
                            </Form.Item>
                          </td>
                        </>
                      ) : (
                        <td colSpan={8}>
                          <Typography.Text type="secondary">{t.table.organisation}</Typography.Text>
                        </td>
                      )}
                      <td>
                        {fields.length > 1 ? (
                          <Button
                            type="link"
                            danger
                            size="small"
                            tabIndex={-1}
                            onClick={() => remove(field.name)}
                          >
                            {uiText.common.remove}
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Form.List>
      <Space style={{ margin: '8px 0 16px' }}>
        <Button onClick={() => addRow(true)} data-testid="party-table-add">
          {t.table.addRow}
        </Button>
      </Space>
    </div>
  );
}
