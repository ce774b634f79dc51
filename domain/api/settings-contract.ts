import { z } from 'zod';
import { roomSettingsInputSchema } from '../room-settings.js';
import type { RoomSettings } from '../room-settings.js';
import { saveWordingInputSchema, type WordingView } from '../documents/translation-wording.js';
import { method } from './method.js';

export const settingsContract = {
  'settings.get': method<RoomSettings | null>()(z.strictObject({})),
  /** expectedVersion: the version the form was loaded with (0 on first run), to refuse lost updates. */
  'settings.save': method<RoomSettings>()(
    z.strictObject({
      settings: roomSettingsInputSchema,
      expectedVersion: z
        .number({ error: '版本号无效' })
        .int()
        .min(0)
        .max(2 ** 31),
    }),
  ),
  /** The translation pages' fixed wording: shipped drafts (待审校) and the room's reviewed text. */
  'settings.wording': method<WordingView>()(z.strictObject({})),
  'settings.saveWording': method<WordingView>()(saveWordingInputSchema),
} as const;
