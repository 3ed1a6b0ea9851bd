import { describe, expect, it } from 'vitest';
import { computeGpa } from '../../../../shared/domain/grades';
import { evaluateWarning, PRESET_FOUR_TIER, stillFailedCourses } from '../../../../shared/domain/warnings';
import { course, grades, sat, transcript } from '../grades/fixtures';
import { facts } from './fixtures';

describe('stillFailedCourses: the failed list from grade records', () => {
  it('the GPA fixture transcript: CHEM (58), CS1 (缺考) are failed; a 补考 pass, 免修, 两级制 合格 and a 重修 after 作弊 are not', () => {
    expect(stillFailedCourses(transcript())).toEqual([
      { code: 'CHEM', credits: 2, required: true, term: '2024-2025-1' },
      { code: 'CS1', credits: 3, required: true, term: '2024-2025-1' },
    ]);
  });

  it('agrees with computeGpa on which graded courses are not earned', () => {
    const lines = computeGpa(transcript()).courses;
    const notEarned = lines.filter((l) => l.attempt !== null && !l.earned).map((l) => l.code);
    expect(stillFailedCourses(transcript()).map((c) => c.code)).toEqual(notEarned);
  });

  it('a 补考 after 作弊 cannot pass the course (only 重修 can); the course keeps its first sitting’s term', () => {
    const list = stillFailedCourses([
      grades(course('X', 3, { nature: '限选' }), sat(null, { void: true }), sat(90, { kind: '补考', term: '2024-2025-2' })),
    ]);
    expect(list).toEqual([{ code: 'X', credits: 3, required: false, term: '2024-2025-1' }]);
  });

  it('no result yet (a 缓考 not sat) is not a failure; 不及格 and 不合格 are', () => {
    const list = stillFailedCourses([
      grades(course('D', 2), sat(null, { kind: '缓考' })),
      grades(course('E', 2, { scale: '五级制' }), sat('不及格')),
      grades(course('P', 1, { scale: '两级制' }), sat('不合格')),
      grades(course('N', 2)),
    ]);
    expect(list.map((c) => c.code)).toEqual(['E', 'P']);
  });

  it('feeds evaluateWarning: two failed 必修 in the fixture are 黄 under the four-tier preset', () => {
    const r = evaluateWarning(facts({ term: '2024-2025-1', failedCourses: stillFailedCourses(transcript()) }), PRESET_FOUR_TIER);
    expect(r.tier).toBe('黄色预警');
    expect(r.reasons[0]!.text).toBe('补考后累计不及格必修课 2 门（达到黄色预警的 2 门）');
  });
});
