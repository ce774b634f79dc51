import type { Migration } from './migration.js';

/**
 * PLACEHOLDERS, NOT FOR MAIN. Versions 24 and 25 belong to branches built beside this one;
 * the list must stay contiguous for this branch's own tests, so they stand here as empty steps.
 * On merge this file is dropped and the other branches' 024 and 025 take their places.
 */
const reserved = (version: number): Migration => ({
  version,
  name: `reserved for a parallel branch (${version})`,
  up() {},
});

export const migration024 = reserved(24);
export const migration025 = reserved(25);
