/**
 * The recovery code as printed: groups of four, so it can be read aloud and typed back. The
 * core may already send it grouped (ABCD-EFGH-…); the separators are dropped and put back here.
 */
export function recoveryCodeGroups(code: string): string[] {
  return code.replace(/[^0-9A-Za-z]/gu, '').match(/.{1,4}/gu) ?? [];
}
