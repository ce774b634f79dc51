/** The recovery code as printed: groups of four, so it can be read aloud and typed back. */
export function recoveryCodeGroups(code: string): string[] {
  return code.match(/.{1,4}/gu) ?? [];
}
