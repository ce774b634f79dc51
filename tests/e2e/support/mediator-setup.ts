import type { Page } from 'playwright-core';
import type { ApiInput, ApiResult } from '../../../domain/api/contract';
import { callApi, validIdNumber } from './desk';
import { grasslandIntakeWithId } from './grassland-intake';

/** An active people's mediator through the API, as most e2e cases need one before intake. */
export function saveMediator(
  page: Page,
  name: string,
  languages: ApiInput<'mediators.save'>['languages'],
): Promise<ApiResult<'mediators.save'>> {
  return callApi(page, 'mediators.save', {
    id: null,
    expectedVersion: 0,
    name,
    isPeopleMediator: true,
    languages,
    active: true,
  });
}

/**
 * The room of the own-case tests (§7.3): 才让 and 多吉, each handling a grassland case whose
 * 王芳 carries the same resident ID number `id`.
 */
export async function casesOfCairangAndDuoji(page: Page) {
  const cairang = await saveMediator(page, '才让', ['zh']);
  const duoji = await saveMediator(page, '多吉', ['zh']);
  const id = validIdNumber('632801', '19850704', 124);
  const caseOf = (title: string, mediatorId: number) =>
    callApi(page, 'cases.create', {
      ...grasslandIntakeWithId(title, id),
      mediatorIds: [mediatorId],
    } as never);
  const own = await caseOf('才让承办的草场纠纷', cairang.id);
  const other = await caseOf('多吉承办的草场纠纷', duoji.id);
  return { cairang, id, own, other };
}
