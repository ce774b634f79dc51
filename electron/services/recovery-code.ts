import { randomInt } from 'node:crypto';
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
} from '../../domain/api/accounts-contract.js';

/** 24 letters of a 31-letter alphabet (~119 bits), printed in groups of four: ABCD-EFGH-… */
export function newRecoveryCode(): { readonly code: string; readonly printed: string } {
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i += 1) {
    code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  }
  return { code, printed: code.match(/.{4}/gu)?.join('-') ?? code };
}
