import { pinyin } from 'pinyin-pro';

/** Two-character surnames (复姓) read as one: 欧阳娜娜 → OUYANG Nana, not OU Yangnana. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木',
  '独孤', '南宫', '西门', '百里', '呼延', '澹台', '万俟', '申屠', '太史', '闻人', '赫连', '钟离', '濮阳', '淳于', '单于', '公羊',
]);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A Chinese name as an English transcript prints it: the surname in capitals, then the given name
 * as one word (张三丰 → ZHANG Sanfeng), the way Chinese passports order it. pinyin-pro reads the
 * surname as one (surname: 'head'), so 单/曾/解 come out shan/zeng/xie; ü is written yu, as passports
 * write it (吕 → LYU). A name that is not Chinese is returned as it is.
 */
export function nameInLatin(name: string): string {
  const clean = name.replace(/\s+/g, '');
  if (!/[\u3400-\u9fff]/.test(clean)) return name.trim();
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' }).map((s) => s.replace(/v/g, 'yu'));
  const split = COMPOUND_SURNAMES.has(clean.slice(0, 2)) && syllables.length > 2 ? 2 : 1;
  const surname = syllables.slice(0, split).join('').toUpperCase();
  const given = syllables.slice(split).join('');
  return given ? `${surname} ${capital(given)}` : surname;
}
