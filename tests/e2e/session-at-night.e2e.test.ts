import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { sharedBrowser, screenshot } from './support/browser';
import {
  acceptedCase,
  callApi,
  modalSettled,
  openDesk,
  setUpRoom,
  type Desk,
} from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { herders } from './support/herders';

/**
 * A session record begun late at night or just after midnight saves with the times the form
 * opens with. Its default once ended an hour from now, which from 23:00 China time is tomorrow
 * and "after today", so no session could be saved from 23:00 until the times were edited. The
 * page's clock is fixed on the ledger's own China day (the host's clock only moves on from it,
 * so the dates stay valid whenever this runs).
 */
describe('session records at 00:10 and 23:30 China time (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('saves a new session record with its default times at both ends of the day', async () => {
    desk = await openDesk(browser(), 'session-night');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '苏木');
      const today = chinaToday();
      const mediator = await saveMediator(page, '其木格', ['zh']);
      const accepted = await acceptedCase(
        page,
        {
          intakeDate: today,
          source: 'ON_APPLICATION',
          category: 'NEIGHBOUR',
          summary: '两家因院墙排水发生争执。',
          mediatorIds: [mediator.id],
          parties: herders(2),
        } as never,
        today,
      );
      await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${accepted.id}`);
      await page.getByTestId('case-title').waitFor();

      const times: [string, string][] = [];
      for (const [clock, content] of [
        ['00:10', '凌晨接到报警后到场调解。'],
        ['23:30', '夜间双方再次发生争执，到场调解。'],
      ] as const) {
        await page.clock.setFixedTime(new Date(`${today}T${clock}:00+08:00`));
        await page.getByRole('button', { name: '添加调解记录' }).click();
        await modalSettled(page);
        const dialog = page.getByRole('dialog');
        await dialog.locator('#session_place').fill('调解室');
        await dialog.locator('#session_recorder').fill('其木格');
        await dialog.locator('#session_content').fill(content);
        await dialog.getByRole('button', { name: '保存调解记录' }).click();
        await dialog.waitFor({ state: 'detached' });
        const after = await callApi(page, 'cases.get', { caseId: accepted.id });
        const last = after.sessions.at(-1);
        times.push([last?.startAt ?? '', last?.endAt ?? '']);
      }
      expect(times).toEqual([
        [`${today}T00:00`, `${today}T00:10`],
        [`${today}T22:30`, `${today}T23:30`],
      ]);
      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'session-night-failure');
      throw error;
    } finally {
      await desk.close();
    }
  }, 120_000);
});
