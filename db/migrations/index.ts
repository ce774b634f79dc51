import { migration001 } from './001-ledger-core.js';
import type { Migration } from './migration.js';

/** Every schema step, in order. Append only: a released step is never edited or removed. */
export const MIGRATIONS: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export type { Migration } from './migration.js';
