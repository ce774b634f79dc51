import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';

/**
 * Prepared statements kept per connection and per SQL text: compiling the same INSERT on every
 * intake costs more than running it. Only for statements used in their default mode (no
 * pluck/raw/expand), since those toggles would stick to the shared statement.
 */
const caches = new WeakMap<Db, Map<string, Statement>>();

export function statement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
