import type { WarningRuleSet } from './types';

/**
 * Two published schemes (DOMAIN.md §6) a school starts from and then edits. effectiveFrom is a
 * placeholder (41号令's 施行日): the school sets its own date when it adopts one.
 */

/**
 * 四级 蓝/黄/橙/红 — 齐齐哈尔工程学院《学生学业预警管理办法》第三条
 * (https://xsgzc.qqhrit.com/info/1028/1086.htm), read at the source:
 *   蓝: 旷课累计达 12 学时, or 必修课经补考不及格达一门, or 处分达到警告、严重警告;
 *   黄: 旷课 13~20 学时, or 不及格课程累计达二门, or 记过;
 *   橙: 旷课 21~30 学时, or 经补考不及格课程累计达三门, or 留校察看 (or 处分后影响毕业 — not modelled);
 *   红: 旷课 31 学时以上, or 不及格课程累计四门, or 开除学籍.
 * Readings: the bands' upper ends are the next tier's start, so each tier is "at least" its lower
 * end; the course counts are cumulative 必修课 after 补考 (the 蓝 row names 必修课 and 补考, the
 * later rows say 累计), absence is this term's (学期内). 开除学籍 is left out of 红: an expelled
 * student no longer holds a 学籍 and is excluded before any trigger is looked at.
 */
export const PRESET_FOUR_TIER: WarningRuleSet = {
  name: '四级预警（蓝/黄/橙/红，参照齐齐哈尔工程学院）',
  effectiveFrom: '2017-09-01',
  tiers: [
    {
      label: '蓝色预警',
      colour: 'blue',
      triggers: [
        { kind: 'absenceHours', atLeast: 12 },
        { kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 1 },
        { kind: 'sanction', atLeast: '警告' },
      ],
    },
    {
      label: '黄色预警',
      colour: 'yellow',
      triggers: [
        { kind: 'absenceHours', atLeast: 13 },
        { kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 2 },
        { kind: 'sanction', atLeast: '记过' },
      ],
    },
    {
      label: '橙色预警',
      colour: 'orange',
      triggers: [
        { kind: 'absenceHours', atLeast: 21 },
        { kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 3 },
        { kind: 'sanction', atLeast: '留校察看' },
      ],
    },
    {
      label: '红色预警',
      colour: 'red',
      triggers: [
        { kind: 'absenceHours', atLeast: 31 },
        { kind: 'failedCourses', scope: 'cumulative', courses: 'required', atLeast: 4 },
      ],
    },
  ],
};

/**
 * 三级 黄/橙/红 for a 高职 — built on 湖南安全技术职业学院《学生学业预警管理办法（试行）》
 * (https://ghc.hnvist.cn/column/zjdt/details/1591932196675.shtml): 学分预警 by 累计不及格课程学分 C
 * and 门数 M (any course nature), plus 处分预警; 一级黄色 is 7 ≤ C < 16 or M ≥ 3, so 二级橙色
 * starts at C = 16. The rest of that table was not readable in the copy we have, so:
 *   - 门数 for 橙/红 (5 / 8) follow the published scheme DOMAIN.md §6 cites for its timeline
 *     (https://satdude.com/2021/0512/c514a18527/page.html: 累计不及格门数 ≥ 3 / ≥ 5 / ≥ 8, the same 3 for 黄);
 *   - 学分 for 红 (25) and the 处分 levels (警告 / 记过 / 留校察看) are assumptions [V];
 *   - 旷课 学时 use 齐齐哈尔工程学院's 黄/橙/红 rows (13 / 21 / 31), as in PRESET_FOUR_TIER.
 * A school adopting it confirms these numbers against its own 办法 first.
 */
export const PRESET_THREE_TIER: WarningRuleSet = {
  name: '三级预警（黄/橙/红，高职示例，参照湖南安全技术职业学院）',
  effectiveFrom: '2017-09-01',
  tiers: [
    {
      label: '黄色预警',
      colour: 'yellow',
      triggers: [
        { kind: 'failedCredits', scope: 'cumulative', courses: 'all', atLeast: 7 },
        { kind: 'failedCourses', scope: 'cumulative', courses: 'all', atLeast: 3 },
        { kind: 'absenceHours', atLeast: 13 },
        { kind: 'sanction', atLeast: '警告' },
      ],
    },
    {
      label: '橙色预警',
      colour: 'orange',
      triggers: [
        { kind: 'failedCredits', scope: 'cumulative', courses: 'all', atLeast: 16 },
        { kind: 'failedCourses', scope: 'cumulative', courses: 'all', atLeast: 5 },
        { kind: 'absenceHours', atLeast: 21 },
        { kind: 'sanction', atLeast: '记过' },
      ],
    },
    {
      label: '红色预警',
      colour: 'red',
      triggers: [
        { kind: 'failedCredits', scope: 'cumulative', courses: 'all', atLeast: 25 },
        { kind: 'failedCourses', scope: 'cumulative', courses: 'all', atLeast: 8 },
        { kind: 'absenceHours', atLeast: 31 },
        { kind: 'sanction', atLeast: '留校察看' },
      ],
    },
  ],
};

export const WARNING_PRESETS: readonly WarningRuleSet[] = [PRESET_THREE_TIER, PRESET_FOUR_TIER];
