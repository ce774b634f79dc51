import type { ApiEnvelope } from './errors.js';
import type { ApiInput, ApiMethod, ApiResult } from './contract.js';

/** The one object the preload (or the dev:web bridge) puts on `window`. */
export interface MediationDeskBridge {
  invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiEnvelope<ApiResult<M>>>;
}

export const BRIDGE_GLOBAL_NAME = 'mediationDesk';
export const IPC_CHANNEL = 'mediation-desk:api';
