import { SANCTION_LEVELS, type SanctionLevel } from './types';

/**
 * The 纪律处分 level a 处分 record names. Its 处分种类 is free text in the student's records
 * ("严重警告处分", "记过（旷课）", "留校察看一年"), so the heaviest level the text names is taken:
 * "严重警告" is 严重警告, never 警告. A text naming none (开除学籍 ends the 学籍 and is excluded
 * elsewhere; 通报批评 is not a 处分 of 41号令 第五十一条) gives null.
 */
export function sanctionLevelOf(title: string): SanctionLevel | null {
  const t = title.replace(/\s+/g, '');
  for (const level of [...SANCTION_LEVELS].reverse()) if (t.includes(level)) return level;
  return null;
}

/** Is a 处分 still in force on a day: not lifted (解除) on or before it. */
export const sanctionActiveOn = (endDate: string | null, day: string): boolean => endDate === null || endDate > day;
