import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { readXlsx } from '../unit/reports/xlsx-reader';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, openDesk, setUpRoom } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { herders } from './support/herders';
import { expectLocator } from './support/locator-expect';
import { E2E_ACTOR } from './support/dev-web-host';

/**
 * Two things only API tests had tried (stop 18's note): a county database written by an older
 * version of the app, opened in 县级汇总; and a room export whose case has 14 parties, where the
 * export reads every party of the period in one statement.
 */
describe('县级汇总 over a real version-1 county file; a 14-party case exported (Chromium)', () => {
  const browser = sharedBrowser();

  it('exports a 14-party case whole, and merges it into an upgraded county database', async () => {
    const desk = await openDesk(browser(), 'county-upgrade', (dataDir) => {
      fs.mkdirSync(path.join(dataDir, 'county'), { recursive: true });
      fs.copyFileSync(
        path.join(import.meta.dirname, '../fixtures/county-v1.sqlite'),
        path.join(dataDir, 'county', 'county.sqlite'),
      );
    });
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '锡');
      const mediator = await saveMediator(page, '其木格', ['zh', 'mn']);
      const today = chinaToday();
      const saved = await callApi(page, 'cases.create', {
        intakeDate: today,
        source: 'ON_APPLICATION',
        category: 'FOREST_LAND',
        subtype: 'GRASSLAND',
        summary: '十四户牧民因冬季草场边界和网围栏位置发生争议。',
        requests: ['确认草场边界'],
        riskLevel: 'MEDIUM',
        mediatorIds: [mediator.id],
        parties: herders(14),
      } as never);
      await callApi(page, 'cases.transition', {
        caseId: saved.case.id,
        expectedVersion: saved.case.version,
        input: { action: 'ACCEPT', acceptedDate: today },
      } as never);

      await page.getByRole('menuitem', { name: '统计上报' }).click();
      await page.getByTestId('report-summary').waitFor();
      await page.getByTestId('export-all').click();
      await page.getByText('已导出 4 个文件').waitFor({ timeout: 90_000 });
      const runs = await callApi(page, 'exports.list', {});
      const fileOf = (kind: string) => {
        const run = runs.runs.find((r) => r.kind === kind);
        return path.join(run?.directory ?? '', run?.files[0]?.name ?? '');
      };

      // the package carries the case with all fourteen parties, none of them named
      const entries = unzipSync(new Uint8Array(fs.readFileSync(fileOf('PACKAGE'))));
      const lines = (name: string) =>
        new TextDecoder()
          .decode(entries[name])
          .split('\n')
          .filter((l) => l !== '');
      const cases = lines('cases.jsonl').map((l) => JSON.parse(l) as { caseKey: string });
      const parties = lines('parties.jsonl').map((l) => JSON.parse(l) as { caseKey: string });
      expect(cases).toHaveLength(1);
      expect(parties.filter((p) => p.caseKey === cases[0]?.caseKey)).toHaveLength(14);
      expect(lines('parties.jsonl').join('\n')).not.toMatch(/巴特尔|1390479100/);

      // the de-identified ledger lists the fourteen as 巴某… with masked phones
      const sheet = readXlsx(fileOf('LEDGER'))['案件台账'];
      const row = sheet?.cells[2] ?? [];
      expect(String(row[5]).split('、')).toHaveLength(14);
      expect(String(row[5])).not.toMatch(/巴特尔|额尔敦/);
      expect(String(row[6]).split('、')).toHaveLength(14);
      expect(String(row[6])).toMatch(/^139\*{4}\d{4}、/);
      expect(String(row[10])).toContain('/其木格');

      // 县级汇总: the version-1 file opens upgraded with its two rooms, then takes this room
      await page.getByRole('tab', { name: '县级汇总' }).click();
      await page.getByText('汇总库中有 2 个调解组织').waitFor();
      await expectLocator(page.getByTestId('county-exports')).toContainText('还没有导出过');
      await page.getByTestId('county-file').setInputFiles(fileOf('PACKAGE'));
      await expectLocator(page.getByTestId('county-merged')).toContainText('新增');
      await page.getByText('汇总库中有 3 个调解组织').waitFor();
      await page.getByTestId('county-export').click();
      await page.getByText(/已导出：.*人民调解工作统计表/).waitFor();
      await expectLocator(page.getByTestId('county-exports')).toContainText(E2E_ACTOR);
      await screenshot(page, 'county-upgraded-v1');
      const countyDir = path.join(desk.host.dataDir, 'county');
      const copies = fs.readdirSync(countyDir).filter((n) => n.includes('.before-v2-'));
      expect(copies).toHaveLength(1);
      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'county-upgrade-failure');
      throw error;
    } finally {
      await desk.close();
    }
  }, 150_000);
});
