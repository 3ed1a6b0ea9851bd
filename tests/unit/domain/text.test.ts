import { describe, it, expect } from 'vitest';
import { normaliseSpaces, toHalfWidth } from '../../../shared/domain/text';

describe('toHalfWidth', () => {
  it('converts full-width digits and letters', () => {
    expect(toHalfWidth('１１０１０５ｘＸ')).toBe('110105xX');
  });

  it('converts the whole FF01–FF5E range, including punctuation', () => {
    expect(toHalfWidth('！～（）：，')).toBe('!~():,');
  });

  it('turns the ideographic space U+3000 into an ordinary space', () => {
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
  });

  it('leaves Chinese text and CJK punctuation untouched', () => {
    expect(toHalfWidth('北京市、朝阳区。')).toBe('北京市、朝阳区。');
    expect(toHalfWidth('')).toBe('');
  });
});

describe('normaliseSpaces', () => {
  it('trims and collapses inner whitespace', () => {
    expect(normaliseSpaces('  北京市   朝阳区\t\n建设路 ')).toBe('北京市 朝阳区 建设路');
  });

  it('treats U+3000 and NBSP as whitespace', () => {
    expect(normaliseSpaces('\u3000张\u00a0\u00a0三\u3000')).toBe('张 三');
  });

  it('drops zero-width spaces from pasted text', () => {
    expect(normaliseSpaces('汉\u200b族')).toBe('汉族');
  });

  it('returns empty string for whitespace-only input', () => {
    expect(normaliseSpaces(' \u3000\u00a0 ')).toBe('');
  });
});
