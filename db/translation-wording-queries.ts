import type { WordingKey, WordingLanguage } from '../domain/documents/translation-wording.js';
import type { Db } from './connection.js';

/** One reviewed entry of the room (migration 026). */
export interface RoomWordingRow {
  readonly language: WordingLanguage;
  readonly key: WordingKey;
  readonly text: string;
  readonly reviewer: string;
  readonly reviewedAt: string;
}

export function listRoomWording(db: Db): RoomWordingRow[] {
  return db
    .prepare(
      `SELECT language, key, text, reviewer, reviewed_at AS reviewedAt
         FROM translation_wording ORDER BY language, key`,
    )
    .all() as RoomWordingRow[];
}

/** Writes all entries of one save in one transaction, so a refused save leaves none of them. */
export function saveRoomWording(db: Db, rows: readonly RoomWordingRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO translation_wording (language, key, text, reviewer, reviewed_at)
     VALUES (@language, @key, @text, @reviewer, @reviewedAt)
     ON CONFLICT (language, key) DO UPDATE SET
       text = excluded.text, reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at`,
  );
  db.transaction(() => {
    for (const row of rows) upsert.run(row);
  })();
}
