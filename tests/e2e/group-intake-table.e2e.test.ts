import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import {
  callApi,
  noOpenDropdown,
  pick,
  openDesk,
  setUpRoom,
  typeAndPick,
  asTypedFullWidth,
  validIdNumber,
  type Desk,
} from './support/desk';
import { expectLocator } from './support/locator-expect';
import type { Page } from 'playwright-core';
import { maskIdNumber } from '../../domain/cases/change-history';

/** A paste as the browser delivers one from Excel or WPS: text/plain on a paste event. */
async function pasteInto(page: Page, cellId: string, text: string) {
  await page.evaluate(
    ([id, clip]) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', clip);
      document
        .getElementById(id)!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    },
    [cellId, text] as const,
  );
}

/**
 * Issue 8, must-haves 8 and 9: the 14 workers of a wage case are copied from a WPS sheet and
 * pasted into the intake table. Each row is checked as a card would be (a mistyped ID number is
 * marked in its own cell), shared columns fill down, and the case is saved with every worker.
 */
describe('group intake table (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('pastes 14 rows from a spreadsheet, shows per-cell errors, saves them as parties', async () => {
    desk = await openDesk(browser(), 'group-table');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').waitFor();
      await page.getByTestId('party-mode').getByText('表格录入（多人）').click();
      await page.getByTestId('party-table').waitFor();

      const surnames = '张王李赵刘陈杨黄周吴徐孙马朱';
      const workers = [...surnames].map((s, i) => ({
        name: `${s}建${'国华军平明强'[i % 6]}`,
        id: validIdNumber('620102', `19${70 + i}0${(i % 9) + 1}15`, 11 + i * 2),
        phone: `139${String(10000000 + i * 1111).padStart(8, '0')}`,
      }));
      // Row 6: one digit of the ID number mistyped in the sheet.
      const wrong = `${workers[6]!.id.slice(0, 16)}${(Number(workers[6]!.id[16]) + 1) % 10}${workers[6]!.id[17]}`;
      // As WPS copies a roster: its own header order with 序号 and 性别 columns, CRLF, an address
      // with quotes and an Alt+Enter line break (so the cell is quoted), a zero-width space
      // inside a name, one ID number typed with full-width digits, and a blank last row.
      const cellOf = (w: (typeof workers)[number], i: number) => {
        const name = i === 3 ? `${w.name.slice(0, 1)}\u200B${w.name.slice(1)}` : w.name;
        let id = i === 6 ? wrong : w.id;
        if (i === 9) id = asTypedFullWidth(id);
        const address = i === 0 ? '"兰州市七里河区""三号楼""\n二单元"' : '';
        return [String(i + 1), name, '男', id, w.phone, i === 0 ? '钢筋工' : '', address];
      };
      const sheet = [
        '序号\t姓名\t性别\t身份证号码\t联系电话\t工种\t家庭住址',
        ...workers.map((w, i) => cellOf(w, i).join('\t')),
        '\t\t\t\t\t\t',
      ].join('\r\n');
      await page.locator('#party-table-0-name').click();
      await pasteInto(page, 'party-table-0-name', `${sheet}\r\n`);

      await expectLocator(page.locator('#party-table-13-name')).toHaveValue(workers[13]!.name);
      await expectLocator(page.locator('#party-table-3-name')).toHaveValue(workers[3]!.name);
      await expectLocator(page.locator('#party-table-0-address')).toHaveValue(
        '兰州市七里河区"三号楼" 二单元',
      );
      expect(await page.locator('#party-table-14-name').count()).toBe(0);
      // The paste checks what it filled: the mistyped number is marked in its own cell at once,
      // the columns left for fill-down stay quiet, and the other rows have no error.
      const idError = page
        .getByTestId('party-row-6')
        .locator('td.party-table-id .ant-form-item-explain-error');
      await expectLocator(idError).toContainText('校验');
      expect(
        await page.getByTestId('party-row-5').locator('.ant-form-item-explain-error').count(),
      ).toBe(0);
      expect(
        await page.getByTestId('party-row-9').locator('.ant-form-item-explain-error').count(),
      ).toBe(0);
      await screenshot(page, 'group-table-pasted');
      // 14 workers reach the group threshold (10 persons): 群体性纠纷 ticks itself and says why.
      const groupBox = page.getByTestId('group-dispute');
      await expect.poll(() => groupBox.isChecked(), { timeout: 10_000 }).toBe(true);
      await expectLocator(page.getByTestId('group-note')).toContainText('已登记14名当事人');
      await expectLocator(page.getByTestId('group-note')).toContainText('已自动勾选');

      await page.locator('#party-table-6-idNumber').fill(workers[6]!.id);
      // The error leaves with antd's collapse animation, which a loaded machine slows down.
      await expect.poll(() => idError.count(), { timeout: 10_000 }).toBe(0);

      // Shared columns: 民族 picked once by keyboard, then filled down with 住址 and 职业.
      await typeAndPick(page, page.locator('#party-table-0-ethnicity'), '汉', '汉族');
      await noOpenDropdown(page);
      await page.getByTestId('fill-down-ethnicity').click();
      await page.getByTestId('fill-down-address').click();
      await page.getByTestId('fill-down-occupation').click();
      await expectLocator(page.locator('#party-table-13-occupation')).toHaveValue('钢筋工');

      // The labour contractor: Enter in the last cell adds a row for him.
      await page.locator('#party-table-13-occupation').press('Enter');
      await page.locator('#party-table-14-name').waitFor();
      await pick(page, page.getByTestId('party-row-14').locator('.ant-select').first(), '被申请人');
      await page.locator('#party-table-14-name').fill('马有福');
      await page.locator('#party-table-14-idNumber').fill(validIdNumber('620102', '19750505', 31));
      await typeAndPick(page, page.locator('#party-table-14-ethnicity'), '回', '回族');
      await noOpenDropdown(page);
      await page.locator('#party-table-14-phone').fill('13893100000');
      await page.locator('#party-table-14-address').fill('兰州市城关区某某路1号');
      await page.locator('#party-table-14-occupation').fill('包工头');

      await pick(page, page.locator('#intake_category'), '劳动争议纠纷');
      await pick(page, page.locator('#intake_subtype'), '拖欠农民工工资纠纷');
      await page.locator('#intake_summary').fill('14名工人在某工地务工，工程完工后工资未结清。');
      await screenshot(page, 'group-table-filled');
      await page.locator('#intake_summary').press('Control+Enter');

      await page.getByTestId('case-title').waitFor();
      const id = Number(/#\/cases\/(\d+)/u.exec(page.url())?.[1]);
      const saved = await callApi(page, 'cases.get', { caseId: id });
      expect(saved.parties).toHaveLength(15);
      expect(saved.parties.map((p) => p.name).slice(0, 14)).toEqual(workers.map((w) => w.name));
      // answers carry the numbers masked; the whole one only through the audited reveal
      expect(saved.parties[6]?.idDocument?.number).toBe(maskIdNumber(workers[6]!.id));
      const whole = await callApi(page, 'parties.revealIdNumber', {
        caseId: id,
        partyId: saved.parties[9]!.id,
        reason: '核对粘贴的号码',
      });
      expect(whole.number).toBe(workers[9]!.id);
      expect(saved.parties[3]?.name).toBe(workers[3]!.name);
      expect(saved.parties.slice(0, 14).every((p) => p.role === 'APPLICANT')).toBe(true);
      expect(saved.parties[14]?.role).toBe('RESPONDENT');
      expect(new Set(saved.parties.slice(0, 14).map((p) => p.occupation))).toEqual(
        new Set(['钢筋工']),
      );
      expect(saved.parties[13]?.address).toBe('兰州市七里河区"三号楼" 二单元');
      // Gender and birth date came from each number.
      expect(saved.parties[0]?.birthDate).toBe(`1970-01-15`);
      expect(saved.riskFactors).toContain('MANY_PARTIES');
      expect(await callApi(page, 'formDrafts.get', { key: 'intake' })).toBeNull();
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('takes 30 headerless rows pasted into 姓名, in roster order, with a stray quote', async () => {
    desk = await openDesk(browser(), 'group-table-30');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').waitFor();
      await page.getByTestId('party-mode').getByText('表格录入（多人）').click();
      await page.getByTestId('party-table').waitFor();
      const people = Array.from({ length: 30 }, (_, i) => ({
        name: `牧民${'一二三四五六七八九十'[i % 10]}${'甲乙丙'[Math.floor(i / 10)]}`,
        id: validIdNumber('632123', `19${60 + i}1${i % 2}0${(i % 9) + 1}`, 100 + i),
      }));
      // Plain LF, no header; one occupation written with an opening quote that never closes
      // (typed, not quoted by a spreadsheet) and a cell with a tab inside quotes.
      const sheet = people
        .map((p, i) =>
          [
            p.name,
            p.id,
            `1380000${String(1000 + i)}`,
            i === 4 ? '"金峰村\t一组"' : '金峰村',
            i === 7 ? '"放牧' : '牧民',
          ].join('\t'),
        )
        .join('\n');
      await page.locator('#party-table-0-name').click();
      await pasteInto(page, 'party-table-0-name', sheet);
      await expectLocator(page.locator('#party-table-29-name')).toHaveValue(people[29]!.name);
      await expectLocator(page.locator('#party-table-4-address')).toHaveValue('金峰村 一组');
      await expectLocator(page.locator('#party-table-7-occupation')).toHaveValue('"放牧');
      // Thirty herders of one village: the mediator unticks 群体性纠纷, and more rows do not
      // tick it again.
      const groupBox = page.getByTestId('group-dispute');
      await expect.poll(() => groupBox.isChecked(), { timeout: 10_000 }).toBe(true);
      await groupBox.click();
      await expect.poll(() => groupBox.isChecked(), { timeout: 10_000 }).toBe(false);
      await expectLocator(page.getByTestId('group-note')).toContainText('已取消勾选');
      await screenshot(page, 'group-table-declined');
      expect(await page.locator('#party-table-30-name').count()).toBe(0);
      expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);

      // 民族 for everyone by keyboard: pick it in row 1, then Ctrl+D down the column.
      await typeAndPick(page, page.locator('#party-table-0-ethnicity'), '藏', '藏族');
      await noOpenDropdown(page);
      await page.getByTestId('fill-down-ethnicity').click();
      await pick(page, page.getByTestId('party-row-29').locator('.ant-select').first(), '被申请人');
      await pick(page, page.locator('#intake_category'), '山林土地纠纷');
      await pick(page, page.locator('#intake_subtype'), '草场纠纷');
      await page.locator('#intake_summary').fill('三十户牧民与邻村因草场边界发生争议。');
      await page.locator('#intake_summary').press('Control+Enter');
      await page.getByTestId('case-title').waitFor();
      const id = Number(/#\/cases\/(\d+)/u.exec(page.url())?.[1]);
      const saved = await callApi(page, 'cases.get', { caseId: id });
      expect(saved.parties.map((p) => p.name)).toEqual(people.map((p) => p.name));
      expect(saved.parties.map((p) => p.idDocument?.number)).toEqual(
        people.map((p) => maskIdNumber(p.id)),
      );
      expect(saved.parties.filter((p) => p.role === 'RESPONDENT')).toHaveLength(1);
      expect(new Set(saved.parties.map((p) => p.ethnicity))).toEqual(new Set(['04']));
      expect(saved.riskFactors).not.toContain('MANY_PARTIES');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
