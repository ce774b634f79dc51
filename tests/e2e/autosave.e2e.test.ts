import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, setUpRoom, type Desk } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { expectLocator } from './support/locator-expect';

/**
 * Issue 8, must-have 5 and 9: a reload in the middle of typing loses nothing. The form's values
 * are in the ledger (formDrafts) half a second after the last key; after the reload the form
 * comes back with a banner and a discard button; the draft is gone once the record is saved.
 */
describe('nothing typed is lost (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('reload mid-intake restores the form; discard empties it', async () => {
    desk = await openDesk(browser(), 'autosave-intake');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').waitFor();
      await page.keyboard.type('巴特尔');
      await page.locator('#intake_parties_0_address').fill('金峰村一组');
      await page.locator('#intake_summary').fill('两家因草场围栏越界发生争执。\n已到现场查看。');
      // The last key, then a moment: the ledger has it before the reload.
      await expect
        .poll(async () => (await callApi(page, 'formDrafts.get', { key: 'intake' })) !== null)
        .toBe(true);
      await page.reload();

      const banner = page.getByTestId('restored-draft');
      await expectLocator(banner).toContainText('恢复了未保存的登记');
      await expectLocator(page.locator('#intake_parties_0_name')).toHaveValue('巴特尔');
      await expectLocator(page.locator('#intake_parties_0_address')).toHaveValue('金峰村一组');
      await expectLocator(page.locator('#intake_summary')).toHaveValue(
        '两家因草场围栏越界发生争执。\n已到现场查看。',
      );
      await screenshot(page, 'autosave-intake-restored');

      await banner.getByTestId('discard-draft').click();
      await banner.waitFor({ state: 'detached' });
      await expectLocator(page.locator('#intake_parties_0_name')).toHaveValue('');
      expect(await callApi(page, 'formDrafts.get', { key: 'intake' })).toBeNull();
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('a session record typed before a reload comes back on the case page and is saved', async () => {
    desk = await openDesk(browser(), 'autosave-session');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      const mediator = await saveMediator(page, '才让', ['zh']);
      const saved = await callApi(page, 'cases.create', {
        intakeDate: chinaToday(),
        source: 'ON_APPLICATION',
        category: 'NEIGHBOUR',
        summary: '两家因院墙排水发生争执。',
        mediatorIds: [mediator.id],
        parties: ['王芳', '李强'].map((name, i) => ({
          kind: 'NATURAL' as const,
          role: i === 0 ? ('APPLICANT' as const) : ('RESPONDENT' as const),
          name,
          gender: 'FEMALE' as const,
          ethnicity: '01',
          phone: { phone: `1380000123${i}` },
          address: '金峰村一组',
          idDocument: null,
        })),
      });
      const accepted = await callApi(page, 'cases.transition', {
        caseId: saved.case.id,
        expectedVersion: saved.case.version,
        input: { action: 'ACCEPT', acceptedDate: chinaToday() },
      });
      const key = `session:${accepted.id}:new`;
      await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${accepted.id}`);
      await page.getByTestId('case-title').waitFor();
      await page.getByRole('button', { name: '添加调解记录' }).click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await dialog.locator('#session_place').fill('金峰村调解室');
      await dialog.locator('#session_recorder').fill('李明');
      await dialog.locator('#session_content').fill('问：排水沟何时修的？\n答：去年夏天。');
      await expect
        .poll(async () => (await callApi(page, 'formDrafts.get', { key })) !== null)
        .toBe(true);
      await page.reload();

      await page.getByTestId('unsaved-session').getByRole('button').click();
      await modalSettled(page);
      const again = page.getByRole('dialog');
      await expectLocator(again.getByTestId('restored-draft')).toContainText(
        '恢复了未保存的调解记录',
      );
      await expectLocator(again.locator('#session_content')).toHaveValue(
        '问：排水沟何时修的？\n答：去年夏天。',
      );
      await expectLocator(again.locator('#session_recorder')).toHaveValue('李明');
      await screenshot(page, 'autosave-session-restored');
      await again.getByRole('button', { name: '保存调解记录' }).click();
      await again.waitFor({ state: 'detached' });
      const after = await callApi(page, 'cases.get', { caseId: accepted.id });
      expect(after.sessions).toHaveLength(1);
      expect(await callApi(page, 'formDrafts.get', { key })).toBeNull();
      await expect.poll(() => page.getByTestId('unsaved-session').count()).toBe(0);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
