/**
 * 学历证书编号 for a grade: who gets which number, worked out in one place for the preview
 * (certificates.planNumbers) and the write (certificates.assign, inside its transaction, so what is
 * written is exactly what the same data plans). Students whose effective graduation outcome is 毕业
 * or 结业 and who hold no live number are numbered, gapless from one past the highest number ever
 * issued for (学校代码, 办学类型, 年份, 层次), in the configured order; 毕业 and 结业 share the sequence.
 */
import { addYears, format, parseISO } from 'date-fns';
import type { Db } from '../../../../db/client';
import { cohortStudents, getCertificateSettings, liveCertificates, nextSequence, type CohortStudent } from '../../../../db/queries/certificates';
import { effectiveOutcomes } from '../../../../db/queries/graduation-outcomes';
import { getSettings } from '../../../../db/queries/settings';
import { CERTIFICATE_NO_ORDER_LABELS, LEVELS, planNumbers, type CertificateNoOrder, type LevelCode } from '../../../../shared/domain/certificates/number';
import { levelCodeOf } from '../../../../shared/domain/certificates/settings';
import type { CallOutput, ParsedInput } from '../../../../shared/ipc/contract';
import { AppError } from '../../core/errors';

export type CertificatePlan = CallOutput<'certificates.planNumbers'>;
type Planned = CertificatePlan['planned'][number];

/** 毕业日期 by default: 6 月 30 日 of the year the class's 学制 ends (3 年 from 2023 → 2026-06-30). */
export function defaultGraduationDate(cohortYear: number, lengthYears: string): string {
  const years = Math.ceil(Number.parseFloat(lengthYears) || 3);
  return format(addYears(parseISO(`${cohortYear}-06-30`), years), 'yyyy-MM-dd');
}

export function planCertificates(db: Db, input: ParsedInput<'certificates.planNumbers'>, today: Date): CertificatePlan {
  const schoolCode = getSettings(db).schoolCode;
  if (!/^\d{5}$/.test(schoolCode)) throw new AppError('VALIDATION', '尚未设置学校代码（5 位国标代码），无法编排证书编号。请管理员在“系统设置”中填写学校代码。');
  const settings = getCertificateSettings(db);
  const order: CertificateNoOrder = input.order ?? settings.order;

  const students = cohortStudents(db, input);
  const outcomes = effectiveOutcomes(db, students.map((s) => s.id));
  const live = liveCertificates(db, students.map((s) => s.id));
  const notEligible: CertificatePlan['notEligible'] = [];
  // Candidates per sequence key (year, level): one grade may hold majors of both levels.
  type Group = { year: number; level: LevelCode; date: string; list: CohortStudent[]; kinds: Map<number, '毕业' | '结业'> };
  const byKey = new Map<string, Group>();
  let alreadyNumbered = 0;
  for (const s of students) {
    if (live.has(s.id)) {
      alreadyNumbered++;
      continue;
    }
    const outcome = outcomes.get(s.id)?.outcome;
    if (!outcome) {
      notEligible.push({ studentId: s.id, name: s.name, reason: '尚未做毕业资格审核' });
      continue;
    }
    if (outcome !== '毕业' && outcome !== '结业') {
      notEligible.push({ studentId: s.id, name: s.name, reason: `审核结论为“${outcome}”，不发学历证书` });
      continue;
    }
    const level = levelCodeOf(s.majorLevel);
    if (!level) {
      notEligible.push({ studentId: s.id, name: s.name, reason: `专业“${s.majorName}”的层次“${s.majorLevel}”没有对应的培养层次代码` });
      continue;
    }
    const date = input.graduationDate ?? defaultGraduationDate(input.cohortYear, s.lengthYears);
    const year = Number(date.slice(0, 4));
    const key = `${year}-${level}-${date}`;
    const group: Group = byKey.get(key) ?? { year, level, date, list: [], kinds: new Map() };
    group.list.push(s);
    group.kinds.set(s.id, outcome);
    byKey.set(key, group);
  }

  const planned: Planned[] = [];
  const groups: CertificatePlan['groups'] = [];
  // Several dates of one (year, level) continue one sequence: `next` moves on with each group.
  const nextOf = new Map<string, number>();
  for (const g of [...byKey.values()].sort((a, b) => a.year - b.year || a.level.localeCompare(b.level) || a.date.localeCompare(b.date))) {
    const seqKey = `${g.year}-${g.level}`;
    const next = nextOf.get(seqKey) ?? nextSequence(db, { schoolCode, runType: settings.runType, year: g.year, level: g.level });
    const byId = new Map(g.list.map((s) => [s.id, s]));
    const r = planNumbers(
      g.list.map((s) => ({ id: s.id, name: s.name, namePinyin: s.namePinyin, idNumber: s.idNumber, studentNo: s.studentNo, kind: g.kinds.get(s.id)!, existingNo: null })),
      { schoolCode, runType: settings.runType, year: g.year, level: g.level, order, next, today },
    );
    if (!r.ok) throw new AppError('VALIDATION', `无法编排证书编号：${r.problems.join('；')}`);
    nextOf.set(seqKey, next + r.assigned.length);
    for (const a of r.assigned) {
      const s = byId.get(a.id)!;
      planned.push({ studentId: s.id, studentNo: s.studentNo, name: s.name, idNumber: s.idNumber, className: s.className, kind: g.kinds.get(s.id)!, certificateNo: a.certificateNo, graduationDate: g.date });
    }
    if (r.assigned.length)
      groups.push({
        majorName: [...new Set(g.list.map((s) => s.majorName))].join('、'),
        year: g.year,
        level: g.level,
        levelName: LEVELS[g.level],
        count: r.assigned.length,
        first: r.assigned[0]!.certificateNo,
        last: r.assigned.at(-1)!.certificateNo,
      });
  }
  return { order, orderLabel: CERTIFICATE_NO_ORDER_LABELS[order], schoolCode, runType: settings.runType, planned, groups, alreadyNumbered, notEligible };
}
