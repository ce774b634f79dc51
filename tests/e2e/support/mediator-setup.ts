import type { Page } from 'playwright-core';
import type { ApiInput, ApiResult } from '../../../domain/api/contract';
import { callApi } from './desk';

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
