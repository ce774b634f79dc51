import type { Db } from '../connection.js';

/** One forward-only schema step. `up` runs inside a transaction that also bumps user_version. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
  /**
   * The step changes rows of tables that existed before it (not only the schema, or rows of a
   * table it creates). An audit baseline still pending from migration 022 is then recorded in
   * full first: no row may change between its BASELINE entry and its baseline row. A function
   * says whether it will change rows of this ledger: recording a large baseline in one go holds
   * the start-up, so a step that changes nothing here leaves it to the slices.
   */
  readonly changesRows?: boolean | ((db: Db) => boolean);
}
