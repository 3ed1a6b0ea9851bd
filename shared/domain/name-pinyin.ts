import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin without tones or spaces (zhangsan) and initials (zs).
 * `surname: 'head'` makes pinyin-pro read the first character(s) as a surname, so polyphonic
 * surnames come out right: 单 shan, 曾 zeng, 解 xie, 区 ou, 仇 qiu, 查 zha.
 */
export function namePinyin(name: string): { full: string; initials: string } {
  const clean = name.replace(/\s+/g, '');
  if (!clean) return { full: '', initials: '' };
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' });
  const full = syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  const initials = syllables
    .map((s) => s.trim().charAt(0))
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return { full, initials };
}

/** The name's characters separated by spaces, for the per-character search index ('张 伟'). */
export function nameChars(name: string): string {
  return [...name.replace(/\s+/g, '')].join(' ');
}
