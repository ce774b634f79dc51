import { pinyin } from 'pinyin-pro';

/**
 * Pinyin keys of a name for the search index: initials (王芳 → wf) and the full syllables
 * (wangfang). Surname readings are used for the first character (单 → shan, not dan), which is
 * how a mediator says the name aloud. Non-Han characters (·, Latin) are dropped.
 */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function nameFullPinyin(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
