import { getRoomSettings, saveRoomSettings } from '../../db/room-settings-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import type { RoomSettings, RoomSettingsValues } from '../../domain/room-settings.js';
import type { LedgerSession } from './ledger-session.js';

export class SettingsService {
  constructor(private readonly ledger: LedgerSession) {}

  get(): RoomSettings | null {
    return getRoomSettings(this.ledger.db());
  }

  /** Every later feature reads the settings through this, so a half-set-up room fails clearly. */
  require(): RoomSettings {
    const settings = this.get();
    if (!settings) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
    return settings;
  }

  save(values: RoomSettingsValues, expectedVersion: number): RoomSettings {
    const outcome = saveRoomSettings(
      this.ledger.db(),
      values,
      expectedVersion,
      this.ledger.now().toISOString(),
    );
    if (!outcome.ok) throw new ApiError('CONFLICT', apiMessagesZhCN.settingsConflict);
    return outcome.settings;
  }
}
