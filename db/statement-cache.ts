import type { Statement } from 'better-sqlite3-multiple-ciphers';
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

const rawCaches = new WeakMap<Db, Map<string, Statement>>();

/**
 * As `statement`, in raw mode (rows as arrays), cached apart from the default-mode ones. For
 * reads of thousands of rows: better-sqlite3-multiple-ciphers builds each row object property by property, which
 * cost a third of a 10,000-case query; the caller makes fixed-shape objects from the arrays.
 */
export function rawStatement(db: Db, sql: string): Statement {
  let cache = rawCaches.get(db);
  if (!cache) {
    cache = new Map();
    rawCaches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql).raw(true);
    cache.set(sql, prepared);
  }
  return prepared;
}
