import { seedCodeTables } from '../code-tables.js';
import type { Migration } from './migration.js';

export const migration002: Migration = {
  version: 2,
  name: 'code tables as data',
  up(db) {
    db.exec(`
      CREATE TABLE code_table (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        parent_table TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE code_row (
        table_name TEXT NOT NULL REFERENCES code_table(name),
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        parent TEXT,
        sort INTEGER NOT NULL,
        data_json TEXT NOT NULL,
        PRIMARY KEY (table_name, code)
      ) STRICT, WITHOUT ROWID;
    `);
    seedCodeTables(db, new Date().toISOString());
  },
};
