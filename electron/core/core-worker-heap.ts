/**
 * The core worker's young generation. The core's bulk answers (a year's claim packs: 22,000
 * summaries parsed and judged; exports, statistics) make many short-lived objects while a
 * year's worth survive the call, and with V8's default semi-space (16 MB) a third of a claim
 * pack's time was garbage collection. 64 MB semi-spaces (a young generation of three of them)
 * measured, in a worker at 100,000 cases on a slow desk: GC 1,130–1,170 → 720 ms over five
 * year packs, each pack 700–740 → 590 ms; 32 MB did no better than the default. V8 grows the
 * space only while the work needs it, so an idle desk keeps its memory.
 */
export const CORE_SEMI_SPACE_MB = 64;

/** Worker `resourceLimits.maxYoungGenerationSizeMb`: V8 sizes a semi-space at a third of it. */
export const CORE_YOUNG_GENERATION_MB = 3 * CORE_SEMI_SPACE_MB;
