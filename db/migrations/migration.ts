import type { Db } from '../connection.js';

/** One forward-only schema step. `up` runs inside a transaction that also bumps user_version. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}
