import type { SettingsService } from '../services/settings-service.js';
import type { SystemService } from '../services/system-service.js';
import type { ApiHandlers } from './dispatch.js';

export interface Services {
  readonly system: SystemService;
  readonly settings: SettingsService;
}

/** The handler table: one line per API method, each a call into a service. */
export function createHandlers(s: Services): ApiHandlers {
  return {
    'system.status': () => s.system.status(),
    'system.restoreBackup': ({ fileName }) => s.system.restoreBackup(fileName),
    'system.startEmptyLedger': () => s.system.startEmptyLedger(),
    'settings.get': () => s.settings.get(),
    'settings.save': ({ settings, expectedVersion }) => s.settings.save(settings, expectedVersion),
  };
}
