import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ApiInput, ApiMethod, ApiResult } from '../../../domain/api/contract';
import type { ApiEnvelope } from '../../../domain/api/errors';
import { idCheckCharacter } from '../../../domain/validation/id-number';
import { watchPageErrors } from './browser';
import { freshDataDir, startHost, type RunningHost } from './dev-web-host';
import { expectLocator } from './locator-expect';

/** One test's desk: its own data directory, the real dev:web host and a Chromium page. */
export interface Desk {
  readonly host: RunningHost;
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/** `prepare` may place files in the data directory before the host opens it. */
export async function openDesk(
  browser: Browser,
  label: string,
  prepare?: (dataDir: string) => void,
): Promise<Desk> {
  const dataDir = freshDataDir(label);
  prepare?.(dataDir);
  const host = await startHost(dataDir);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(10_000);
  const errors = watchPageErrors(page);
  return {
    host,
    page,
    errors,
    close: async () => {
      await page.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the real API through the page's bridge, as the renderer does. */
export async function callApi<M extends ApiMethod>(
  page: Page,
  method: M,
  input: ApiInput<M>,
): Promise<ApiResult<M>> {
  const envelope = (await page.evaluate(
    ([m, i]) =>
      (
        window as unknown as {
          mediationDesk: { invoke(m: string, i: unknown): Promise<unknown> };
        }
      ).mediationDesk.invoke(m, i),
    [method, input] as const,
  )) as ApiEnvelope<ApiResult<M>>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

/** Records a case through the API and accepts it: where most case tests start. */
export async function acceptedCase(
  page: Page,
  input: ApiInput<'cases.create'>,
  acceptedDate: string,
): Promise<ApiResult<'cases.transition'>> {
  const saved = await callApi(page, 'cases.create', input);
  return callApi(page, 'cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate },
  });
}

/** First run done through the API, so each test starts at the app itself. */
export async function setUpRoom(page: Page, url: string, abbreviation: string): Promise<void> {
  await page.goto(url);
  await page.getByText('欢迎使用调解工作台').waitFor();
  await callApi(page, 'settings.save', {
    expectedVersion: 0,
    settings: {
      committeeName: '锡林浩特市某苏木人民调解委员会',
      roomName: '草原调解室',
      organisationType: 'TOWNSHIP',
      divisionCode: null,
      numberAbbreviation: abbreviation,
      caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
      documentDateStyle: 'ARABIC',
      countyOfficeName: '锡林浩特市司法局',
    },
  });
  await page.reload();
  await page.getByRole('menuitem', { name: '工作台' }).waitFor();
}

/** The one open antd dropdown (closed ones stay in the DOM, hidden). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

/**
 * A closing dropdown stays visible while it animates out and can catch the next click, so each
 * pick starts and (for single selects) ends with no dropdown open.
 */
export async function noOpenDropdown(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length ===
      0,
  );
}

function selectBox(select: Locator): Locator {
  return select.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
}

const exactly = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The open dropdown once its opening animation is over, when clicks land where they aim. */
function settledDropdown(page: Page): Locator {
  return page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-enter"]):not([class*="-appear"])',
    )
    .last();
}

/** Opens a select, clicks the option with exactly this label, and checks it was taken. */
export async function pick(
  page: Page,
  select: Locator,
  label: string,
  options: { multiple?: boolean } = {},
): Promise<void> {
  await noOpenDropdown(page);
  await select.click();
  await settledDropdown(page)
    .locator('.ant-select-item-option')
    .filter({ hasText: exactly(label) })
    .click();
  if (!options.multiple) await noOpenDropdown(page);
  await expectLocator(selectBox(select)).toContainText(label);
}

/** Types into a select's search box and takes the first match with Enter, as a typist would. */
export async function typeAndPick(
  page: Page,
  select: Locator,
  text: string,
  expected: string,
): Promise<void> {
  await noOpenDropdown(page);
  await select.click();
  await settledDropdown(page).waitFor();
  await page.keyboard.type(text);
  await openDropdown(page).locator('.ant-select-item-option-active').waitFor();
  await page.keyboard.press('Enter');
  await noOpenDropdown(page);
  await expectLocator(selectBox(select)).toContainText(expected);
}

/** Adds a mediator on 设置 → 调解员 through the form. */
export async function addMediator(
  page: Page,
  name: string,
  languages: readonly string[] = [],
): Promise<void> {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const section = page.getByTestId('mediators-section');
  await section.getByRole('button', { name: '添加调解员' }).click();
  await modalSettled(page);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(name);
  for (const language of languages) {
    await pick(page, dialog.getByLabel('工作语言'), language, { multiple: true });
  }
  // A multiple select stays open; clicking the title closes it (Escape would close the dialog).
  await dialog.locator('.ant-modal-title').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText('调解员已保存').waitFor();
  await expectLocator(section).toContainText(name);
}

const FULL_WIDTH_ZERO = 0xff10;

/** A valid resident ID number for the given prefix and birth date whose check character is X. */
export function idNumberEndingInX(prefix6: string, birth8: string, male: boolean): string {
  for (let seq = 1; seq < 1000; seq += 1) {
    if (seq % 2 === (male ? 0 : 1)) continue;
    const first17 = `${prefix6}${birth8}${String(seq).padStart(3, '0')}`;
    if (idCheckCharacter(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no sequence gives X');
}

export function validIdNumber(prefix6: string, birth8: string, seq: number): string {
  const first17 = `${prefix6}${birth8}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** How an ID arrives from a Chinese input method: full-width digits and a lowercase x. */
export function asTypedFullWidth(id: string): string {
  return [...id]
    .map((c) => (c === 'X' ? 'x' : String.fromCharCode(FULL_WIDTH_ZERO + Number(c))))
    .join('');
}

/** A modal still zooming in can miss a click; wait until none is mid-animation. */
export async function modalSettled(page: Page): Promise<void> {
  await page.locator('.ant-modal').last().waitFor();
  await page.waitForFunction(
    () =>
      document.querySelector('.ant-modal[class*="-enter"], .ant-modal[class*="-appear"]') === null,
  );
}
