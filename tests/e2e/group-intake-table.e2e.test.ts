import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import {
  callApi,
  noOpenDropdown,
  pick,
  openDesk,
  setUpRoom,
  typeAndPick,
  validIdNumber,
  type Desk,
} from './support/desk';
import { expectLocator } from './support/locator-expect';

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
      const sheet = [
        '姓名\t身份证号\t电话\t住址\t职业',
        ...workers.map(
          (w, i) =>
            `${w.name}\t${i === 6 ? wrong : w.id}\t${w.phone}\t${i === 0 ? '"兰州市七里河区某某小区""三号楼"""' : ''}\t${i === 0 ? '钢筋工' : ''}`,
        ),
      ].join('\r\n');
      await page.locator('#party-table-0-name').click();
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        document
          .getElementById('party-table-0-name')!
          .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
      }, `${sheet}\r\n`);

      await expectLocator(page.locator('#party-table-13-name')).toHaveValue(workers[13]!.name);
      await expectLocator(page.locator('#party-table-0-address')).toHaveValue(
        '兰州市七里河区某某小区"三号楼"',
      );
      // Saving checks every row as a card: the mistyped number is marked in its own cell only.
      await page.locator('#party-table-0-name').press('Control+Enter');
      const row6 = page.getByTestId('party-row-6');
      await expectLocator(row6.locator('.ant-form-item-explain-error')).toContainText('校验');
      expect(
        await page.getByTestId('party-row-5').locator('.ant-form-item-explain-error').count(),
      ).toBe(0);
      await screenshot(page, 'group-table-pasted');

      await page.locator('#party-table-6-idNumber').fill(workers[6]!.id);
      await expect.poll(() => row6.locator('.ant-form-item-explain-error').count()).toBe(0);

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
      expect(saved.parties[6]?.idDocument?.number).toBe(workers[6]!.id);
      expect(saved.parties.slice(0, 14).every((p) => p.role === 'APPLICANT')).toBe(true);
      expect(saved.parties[14]?.role).toBe('RESPONDENT');
      expect(new Set(saved.parties.slice(0, 14).map((p) => p.occupation))).toEqual(
        new Set(['钢筋工']),
      );
      expect(saved.parties[13]?.address).toBe('兰州市七里河区某某小区"三号楼"');
      // Gender and birth date came from each number.
      expect(saved.parties[0]?.birthDate).toBe(`1970-01-15`);
      expect(await callApi(page, 'formDrafts.get', { key: 'intake' })).toBeNull();
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
