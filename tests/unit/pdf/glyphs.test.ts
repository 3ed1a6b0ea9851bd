import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/main/core/errors';
import { assertPrintable, missingGlyphMessages, missingGlyphs } from '../../../electron/main/core/pdf';

// 𠇔 is U+201D4 (the brief and ENVIRONMENT.md label it U+20114, which is 𠄔): both are missing
// from the Noto SC fonts; built from code points here so the test says which is which.
const EXT_B = String.fromCodePoint(0x201d4);
const EXT_B_2 = String.fromCodePoint(0x20114);
const student = `学生“张${EXT_B}”（学号 2023010101）`;

describe('glyph check before printing', () => {
  it('finds an Extension B character (a surrogate pair) as one character, with its code point', () => {
    const name = `张${EXT_B}`;
    expect(name.length).toBe(3); // two UTF-16 units for 𠇔
    const missing = missingGlyphs([{ subject: student, field: '姓名', text: name }], 'serif');
    expect(missing).toEqual([{ subject: student, field: '姓名', char: EXT_B, codePoint: 0x201d4 }]);
    expect(missingGlyphs([{ subject: student, field: '姓名', text: `王${EXT_B_2}` }], 'serif')).toEqual([{ subject: student, field: '姓名', char: EXT_B_2, codePoint: 0x20114 }]);
    // Never half a pair (a lone surrogate would name a character no one can look up).
    expect(missing[0]!.char.length).toBe(2);
  });

  it('says which student, field and character, in one sentence per problem', () => {
    const missing = missingGlyphs([{ subject: student, field: '姓名', text: `张${EXT_B}` }], 'serif');
    expect(missingGlyphMessages(missing)).toEqual([
      `学生“张${EXT_B}”（学号 2023010101）的“姓名”中的“${EXT_B}”（U+201D4）字体中没有，不能打印；请先更正档案或选用含有该字的字体`,
    ]);
  });

  it('passes common and rare name characters, 〇, full-width punctuation, digits and Latin letters in both families', () => {
    const text = '堃喆玥珺昇淼犇赟旻翀昱垚祎禕嬛彧芃燊琤錡镕鑫焱堉 二〇二六年（学号：2023010101）ZD-0001，特此证明。';
    for (const family of ['serif', 'sans'] as const) expect(missingGlyphs([{ subject: '学生', field: '姓名', text }], family)).toEqual([]);
  });

  it('names each missing character once per field, in every field it appears in; line breaks are not glyphs', () => {
    const missing = missingGlyphs(
      [
        { subject: student, field: '姓名', text: `${EXT_B}${EXT_B}\n` },
        { subject: student, field: '曾用名', text: `𡉃${EXT_B}` },
      ],
      'sans',
    );
    expect(missing.map((m) => [m.field, m.codePoint])).toEqual([['姓名', 0x201d4], ['曾用名', 0x21243], ['曾用名', 0x201d4]]);
  });

  it('refuses the whole document as a VALIDATION error listing every problem', () => {
    let error: unknown;
    try {
      assertPrintable([{ subject: student, field: '姓名', text: `张${EXT_B}` }, { subject: '系统设置', field: '学校名称', text: '𡉃州学院' }], 'serif');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('VALIDATION');
    expect(e.issues?.map((i) => i.message)).toEqual([
      `学生“张${EXT_B}”（学号 2023010101）的“姓名”中的“${EXT_B}”（U+201D4）字体中没有，不能打印；请先更正档案或选用含有该字的字体`,
      '系统设置的“学校名称”中的“𡉃”（U+21243）字体中没有，不能打印；请先更正档案或选用含有该字的字体',
    ]);
    expect(e.message.split('\n')).toHaveLength(2);
    expect(() => assertPrintable([{ subject: '学生', field: '姓名', text: '张三' }], 'serif')).not.toThrow();
  });
});
