import { listRoomWording, saveRoomWording } from '../../db/translation-wording-queries.js';
import {
  overSignatureCap,
  WORDING_LANGUAGES,
  type SaveWordingInput,
  type ShippedWording,
  type WordingView,
} from '../../domain/documents/translation-wording.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { loadShippedWording } from '../documents/translation-wording-file.js';
import type { LedgerSession } from './ledger-session.js';

/**
 * The translation pages' fixed wording: our shipped drafts (待审校) beside the room's reviewed
 * entries. A shipped draft never counts as reviewed; an entry is 已审校 only with a reviewer.
 */
export class TranslationWordingService {
  private shipped: ShippedWording | null = null;

  constructor(
    private readonly ledger: LedgerSession,
    private readonly templatesDir: string,
  ) {}

  private shippedWording(): ShippedWording {
    this.shipped ??= loadShippedWording(this.templatesDir);
    return this.shipped;
  }

  view(): WordingView {
    return wordingView(this.shippedWording(), listRoomWording(this.ledger.db()));
  }

  save(input: SaveWordingInput): WordingView {
    // the day of review as the room's calendar has it (a save after 16:00 UTC is the next day)
    const reviewedAt = chinaToday(this.ledger.now());
    saveRoomWording(
      this.ledger.db(),
      input.entries.map((e) => ({
        language: input.language,
        key: e.key,
        text: e.text,
        reviewer: e.reviewer,
        reviewedAt,
      })),
    );
    return this.view();
  }
}

/** Shipped entries with the room's reviewed text laid over them. */
export function wordingView(
  shipped: ShippedWording,
  rows: ReturnType<typeof listRoomWording>,
): WordingView {
  return {
    languages: WORDING_LANGUAGES.map((language) => ({
      language,
      entries: shipped.languages[language].map((entry) => {
        const room = rows.find((r) => r.language === language && r.key === entry.key);
        if (room !== undefined) {
          return {
            key: entry.key,
            source: entry.source,
            draft: entry.draft,
            reviewedText: room.text,
            reviewer: room.reviewer,
            reviewedAt: room.reviewedAt,
            // not printed (translation-wording-print.ts): shown to be entered again
            status: overSignatureCap(language, entry.key, room.text)
              ? ('TOO_LONG' as const)
              : ('REVIEWED' as const),
          };
        }
        return {
          key: entry.key,
          source: entry.source,
          draft: entry.draft,
          reviewedText: null,
          reviewer: null,
          reviewedAt: null,
          status: entry.status,
        };
      }),
    })),
  };
}
