import { englishGaps, type TranscriptInput, type TranscriptSheet } from '../../../../shared/domain/transcripts';
import { AppError } from '../../core/errors';
import type { GlyphItem } from '../../core/pdf';

/** 学生“张三”（学号 2023010101）: how a refusal names the student whose data it is. */
export const studentSubject = (s: { name: string; studentNo: string | null }) => `学生“${s.name}”${s.studentNo ? `（学号 ${s.studentNo}）` : ''}`;

/**
 * Everything a run of transcripts prints, for the glyph check, each piece named by whose data it is
 * and the field's Chinese name: the students' own fields per student, the school's names, each
 * course's name once (a plan's data, named by course), and every other word of the sheets once
 * (labels, terms, grades, the note) — so nothing reaches pdfmake unchecked, and a batch of a
 * thousand students does not check the same course name a thousand times.
 */
export function glyphItems(inputs: readonly TranscriptInput[], sheets: readonly TranscriptSheet[]): GlyphItem[] {
  const items: GlyphItem[] = [];
  const once = new Map<string, GlyphItem>();
  const add = (subject: string, field: string, text: string | null | undefined) => {
    if (!text) return;
    const key = `${subject}\u0000${field}\u0000${text}`;
    if (!once.has(key)) once.set(key, { subject, field, text });
  };
  for (const input of inputs) {
    const s = input.student;
    const subject = studentSubject(s);
    for (const [field, text] of [['姓名', s.name], ['学号', s.studentNo], ['专业', s.majorName], ['班级', s.className], ['层次', s.level]] as const) {
      if (text) items.push({ subject, field, text });
    }
    const en = input.lang === 'en';
    add('系统设置', en ? '学校英文名称' : '学校名称', en ? input.school.nameEn : input.school.name);
    add('系统设置', en ? '院系英文名称' : '院系名称', en ? input.school.departmentEn : input.school.department);
    if (en && s.majorName) add(`专业“${s.majorName}”`, '英文名称', s.majorNameEn);
    for (const c of input.courses) if (c.attempt) add(`课程 ${c.code}`, en ? '英文名称' : '课程名称', en ? c.nameEn : c.name);
  }
  // The rest of each sheet once: template words and what is made from checked data (terms, grades,
  // dates). Identity values and course names are left to the named items above, so a rare character
  // is reported once, by student or course and field.
  const seen = new Set<string>();
  const words = (text: string) => void seen.add(text);
  for (const sheet of sheets) {
    [sheet.title, sheet.blank, sheet.note, sheet.printed, ...sheet.columns.map((c) => c.label), ...sheet.identity.map((p) => p.label)].forEach(words);
    for (const p of sheet.totals) [p.label, p.value].forEach(words);
    for (const t of sheet.terms) {
      words(t.label);
      for (const r of t.rows) for (const [key, v] of Object.entries(r)) if (key !== 'name') words(v);
    }
  }
  return [...items, ...once.values(), ...[...seen].map((text) => ({ subject: '成绩单', field: '版式文字', text }))];
}

/**
 * The English transcript is refused while anything it would print is missing its English name:
 * one sentence per gap (each course by code), never a blank cell.
 */
export function assertEnglishComplete(inputs: readonly TranscriptInput[]): void {
  const messages = [...new Set(inputs.flatMap((i) => englishGaps(i).map((g) => g.message)))];
  if (messages.length === 0) return;
  const head = `英文成绩单缺少 ${messages.length} 项英文名称，未生成：请先在培养方案或成绩单设置中补全。`;
  throw new AppError('VALIDATION', [head, ...messages].join('\n'), undefined, messages.map((message) => ({ message })));
}
