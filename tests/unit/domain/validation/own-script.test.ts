import { describe, expect, it } from 'vitest';
import { naturalPartyInputSchema } from '../../../../domain/cases/party-input';
import {
  checkScript,
  SCRIPT_MISMATCH,
  scriptOfLanguage,
  scriptOfText,
  translationScriptProblem,
} from '../../../../domain/validation/own-script';

// ᠪᠠᠭᠠᠲᠤᠷ with FVS1 after its ᠭ, a word with an MVS before its final ᠠ, and a suffix after NNBSP.
const FVS1 = '\u180B';
const MVS = '\u180E';
const NNBSP = '\u202F';
const MONGOLIAN_NAME = `ᠪᠠᠭ${FVS1}ᠠᠲᠤᠷ`;
const MONGOLIAN_ADDRESS = `ᠰᠢᠯᠢ${NNBSP}ᠶᠢᠨ ᠭᠣᠣᠯ ᠠᠶᠢᠮᠠᠭ ᠨᠠᠷ${MVS}ᠠ ᠭᠠᠴᠠᠭ᠂ 12`;
const TIBETAN_NAME = 'བཀྲ་ཤིས་དོན་གྲུབ།';

function party(overrides: Record<string, unknown>) {
  return {
    kind: 'NATURAL',
    role: 'APPLICANT',
    name: '包某',
    gender: 'MALE',
    ethnicity: '02',
    phone: { phone: '13800001234' },
    address: '锡林浩特市某嘎查',
    preferredLanguage: 'mn',
    ...overrides,
  };
}

describe('own-script names and addresses', () => {
  it('follow the party language: 蒙古语 → Mongolian, 藏语 → Tibetan, others none', () => {
    expect(scriptOfLanguage('mn')).toBe('MONGOLIAN');
    expect(scriptOfLanguage('bo')).toBe('TIBETAN');
    expect(scriptOfLanguage('zh')).toBeNull();
    expect(scriptOfLanguage('ug')).toBeNull();
  });

  it('accept Mongolian with FVS, MVS and NNBSP kept as typed', () => {
    const parsed = naturalPartyInputSchema.parse(
      party({ ownScriptName: MONGOLIAN_NAME, ownScriptAddress: MONGOLIAN_ADDRESS }),
    );
    expect(parsed.ownScriptName).toBe(MONGOLIAN_NAME);
    expect(parsed.ownScriptAddress).toBe(MONGOLIAN_ADDRESS);
    expect(parsed.ownScriptName).toContain(FVS1);
    expect(parsed.ownScriptAddress).toContain(MVS);
    expect(parsed.ownScriptAddress).toContain(NNBSP);
  });

  it('remove what the text discipline removes (a zero-width space pasted along)', () => {
    const parsed = naturalPartyInputSchema.parse(party({ ownScriptName: `ᠪᠠᠭᠠ\u200Bᠲᠤᠷ` }));
    expect(parsed.ownScriptName).toBe('ᠪᠠᠭᠠᠲᠤᠷ');
  });

  it('refuse Chinese typed into the Mongolian box with a message and SCRIPT_MISMATCH', () => {
    const result = naturalPartyInputSchema.safeParse(party({ ownScriptName: 'ᠪᠠᠭᠠ包某' }));
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['ownScriptName']);
    expect(issue.message).toBe(
      '蒙古文姓名只能填写蒙古文，含有汉字“包”（U+5305）；汉文请填在汉文栏内',
    );
    expect((issue as { params?: { code?: string } }).params?.code).toBe(SCRIPT_MISMATCH);
  });

  it('refuse Tibetan in the Mongolian box and Mongolian in the Tibetan box', () => {
    expect(checkScript(TIBETAN_NAME, 'MONGOLIAN', '蒙古文姓名').ok).toBe(false);
    expect(checkScript(MONGOLIAN_NAME, 'TIBETAN', '藏文姓名').ok).toBe(false);
    expect(checkScript(TIBETAN_NAME, 'TIBETAN', '藏文姓名').ok).toBe(true);
    expect(checkScript('ᠠᠷᠠᠳ, (3)', 'MONGOLIAN', '蒙古文住址').ok).toBe(true);
    expect(checkScript('Batu', 'MONGOLIAN', '蒙古文姓名')).toMatchObject({
      ok: false,
      message: expect.stringContaining('其他文字的字符“B”'),
    });
  });

  it('refuse own-script text for a party whose language has no such box', () => {
    const result = naturalPartyInputSchema.safeParse(
      party({ preferredLanguage: 'zh', ownScriptName: MONGOLIAN_NAME }),
    );
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(
      '只有使用语言为蒙古语或藏语的当事人才能填写本民族文字姓名',
    );
  });

  it('store empty boxes as null', () => {
    const parsed = naturalPartyInputSchema.parse(
      party({ preferredLanguage: 'bo', ownScriptName: '', ownScriptAddress: '  ' }),
    );
    expect(parsed.ownScriptName).toBeNull();
    expect(parsed.ownScriptAddress).toBeNull();
  });
});

describe('scriptOfText (the group table presets a row’s language from it)', () => {
  it('names the script of text written in one of them only', () => {
    expect(scriptOfText(MONGOLIAN_NAME)).toBe('MONGOLIAN');
    expect(scriptOfText('ᠪᠠ')).toBe('MONGOLIAN');
    expect(scriptOfText(TIBETAN_NAME)).toBe('TIBETAN');
    expect(scriptOfText('王')).toBeNull();
    expect(scriptOfText('ᠪᠠ王')).toBeNull();
    expect(scriptOfText('12, 3')).toBeNull();
  });
});

describe('translationScriptProblem (the translation box of an agreement)', () => {
  it('lets the Mongolian box hold digits, Latin letters and punctuation beside the script', () => {
    const text = `${MONGOLIAN_ADDRESS}\nGPS 12.5 km {x} $x ᠮᠣᠩᠭᠣᠯ᠃「」（）`;
    expect(translationScriptProblem(text, 'mn')).toBeNull();
  });

  it('refuses a letter of another script in the Mongolian box, naming it', () => {
    expect(translationScriptProblem('ᠮᠣᠩᠭᠣᠯ 草场', 'mn')).toEqual({
      ok: false,
      code: SCRIPT_MISMATCH,
      message: expect.stringContaining('汉字“草”（U+8349') as unknown as string,
    });
    expect(translationScriptProblem(TIBETAN_NAME, 'mn')?.code).toBe(SCRIPT_MISMATCH);
    expect(translationScriptProblem('Монгол', 'mn')?.code).toBe(SCRIPT_MISMATCH);
  });

  it('leaves the Tibetan page alone (it prints Chinese through its font chain)', () => {
    expect(translationScriptProblem(`${TIBETAN_NAME} 草场`, 'bo')).toBeNull();
  });
});
