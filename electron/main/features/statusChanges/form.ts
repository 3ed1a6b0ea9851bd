import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Db } from '../../../../db/client';
import { getClass, getMajor } from '../../../../db/queries/org';
import { getSettings } from '../../../../db/queries/settings';
import { getStatusChange, listStatusChangeEvents, type StatusChangeRow } from '../../../../db/queries/status-changes';
import { getStudent } from '../../../../db/queries/students';
import { displayNameLookup } from '../../../../db/queries/users';
import { studentStatusName } from '../../../../shared/domain/codes';
import { maskIdNumber } from '../../../../shared/domain/idcard';
import { decisionsByStep, STATUS_CHANGE_TYPES, statusChangeTitle } from '../../../../shared/domain/status-changes';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { newJobId, startJob } from '../../core/jobs';
import { assertPrintable, marginsMm, mm, PDF_MIME, pageSetup, renderPdf, titleBlock, type GlyphItem } from '../../core/pdf';
import { canSeeIdentity } from '../students/masking';
import { localDay } from '../../core/local-day';
import { chainOf, dataOf, typeOf } from './dto';

interface FormFacts {
  school: string;
  rows: [string, string][];
  reason: string;
  steps: { label: string; opinion: string; decider: string; date: string }[];
  filed: string;
  title: string;
  subject: string;
}

function formFacts(db: Db, r: StatusChangeRow, identity: boolean): FormFacts {
  const s = getStudent(db, r.studentId)!;
  const d = dataOf(r);
  const type = typeOf(r);
  const info = STATUS_CHANGE_TYPES[type];
  const cls = r.fromClassId ? getClass(db, r.fromClassId) : undefined;
  const major = cls ? getMajor(db, cls.majorId) : undefined;
  const target = d.targetClassId ? getClass(db, d.targetClassId) : undefined;
  const nameOf = displayNameLookup(db);
  const settings = getSettings(db);
  const decisions = decisionsByStep(listStatusChangeEvents(db, r.id));
  const rows: [string, string][] = [
    ['姓名', s.name], ['性别', s.gender === '1' ? '男' : '女'],
    ['学号', s.studentNo ?? '待编'], ['身份证号', identity ? s.idNumber : maskIdNumber(s.idNumber)],
    ['专业', major?.name ?? ''], ['班级', cls?.name ?? ''],
    ['异动类型', statusChangeTitle(type, r.subtype)], ['学籍状态', `${studentStatusName(r.fromStatus)} → ${studentStatusName(r.toStatus)}`],
    ['生效日期', d.effectiveDate], ['学期', d.term],
  ];
  if (info.expectedEnd) rows.push([type === 'suspend' ? '预计复学日期' : '保留至', d.expectedEnd ?? '']);
  if (info.targetClass) rows.push(['转入班级', target?.name ?? '']);
  if (info.otherSchool) rows.push([type === 'transferIn' ? '转出学校' : '转入学校', d.otherSchool ?? '']);
  if (d.decisionNo) rows.push(['决定文号', d.decisionNo]);
  if (rows.length % 2) rows.push(['', '']);
  return {
    school: [settings.schoolName, settings.departmentName].filter(Boolean).join(' '),
    rows,
    reason: d.reason,
    steps: chainOf(r).map((step, i) => {
      const e = decisions.get(i);
      // An approval prints its opinion (同意 when none was written); a rejection says so before its reason.
      const opinion = !e ? '' : e.kind === 'approved' ? (e.opinion ?? '同意') : `不同意（退回）：${e.opinion ?? ''}`;
      return {
        label: step.label,
        opinion,
        decider: e ? (e.via === 'paper' ? `${e.deciderPost ?? ''} ${e.deciderName ?? ''}`.trim() : nameOf(e.actor)) : '',
        date: e?.decidedOn ?? '',
      };
    }),
    filed: `${nameOf(r.filedBy)}　${localDay(Date.parse(r.filedAt))}`,
    title: '学籍异动审批表',
    subject: `学生“${s.name}”（学号 ${s.studentNo ?? '待编'}）`,
  };
}

const cell = (text: string, opts: Partial<{ bold: boolean; colSpan: number; fill: boolean; minHeightMm: number }> = {}): TableCell & object => ({
  text, bold: opts.bold ?? false, ...(opts.colSpan ? { colSpan: opts.colSpan } : {}), ...(opts.fill ? { fillColor: '#f2f2f2' } : {}),
  // Text at the top of its box; a box with room to write keeps that room below the text.
  margin: [mm(1.5), mm(1.5), mm(1.5), mm(opts.minHeightMm ? Math.max(1.5, opts.minHeightMm - 6) : 1.5)],
});

/** The A4 form: the student and the order in a grid, the reason, then one row per approval step. */
function formDocument(f: FormFacts, printedOn: string) {
  const grid: TableCell[][] = [];
  for (let i = 0; i < f.rows.length; i += 2) {
    const [a, b] = [f.rows[i]!, f.rows[i + 1]!];
    grid.push([cell(a[0], { bold: true, fill: true }), cell(a[1]), cell(b[0], { bold: true, fill: !!b[0] }), cell(b[1])]);
  }
  grid.push([cell('异动原因', { bold: true, fill: true }), cell(f.reason, { colSpan: 3, minHeightMm: 24 }), {}, {}]);
  grid.push([cell('经办人', { bold: true, fill: true }), cell(f.filed, { colSpan: 3 }), {}, {}]);
  // The student signs the printed form (the application is theirs); the box is left blank for the pen.
  grid.push([cell('学生签字', { bold: true, fill: true }), cell('', { minHeightMm: 12 }), cell('日期', { bold: true, fill: true }), cell('')]);
  const steps: TableCell[][] = [
    ['审批环节', '审批意见', '审批人', '日期'].map((t) => cell(t, { bold: true, fill: true })),
    ...f.steps.map((s) => [cell(s.label, { bold: true }), cell(s.opinion, { minHeightMm: 16 }), cell(s.decider), cell(s.date)]),
  ];
  const content: Content[] = [
    { text: f.school, alignment: 'center', fontSize: 12, margin: [0, 0, 0, mm(2)] },
    titleBlock(f.title, { fontSize: 20, spaced: true, marginBottomMm: 6 }),
    { table: { widths: [mm(26), '*', mm(26), '*'], body: grid }, fontSize: 10.5, margin: [0, 0, 0, mm(5)] },
    { table: { headerRows: 1, widths: [mm(34), '*', mm(34), mm(24)], body: steps }, fontSize: 10.5 },
    { text: `打印日期：${printedOn}`, alignment: 'right', fontSize: 9, margin: [0, mm(4), 0, 0] },
  ];
  return { ...pageSetup('A4' as const), pageMargins: marginsMm(20, 18, 20, 18), info: { title: f.title }, content };
}

/** 打印审批表 as a job whose output is the PDF (the host prints it at its size or saves it). */
export async function printForm(ctx: CallContext, input: { id: number; jobId?: string | undefined }) {
  const actor = ctx.actor();
  const job = startJob(ctx, 'statusChanges.form', input.jobId ?? newJobId());
  return job.run(async () => {
    const r = getStatusChange(ctx.db(), input.id);
    if (!r) throw new AppError('NOT_FOUND', '找不到该学籍异动');
    const f = formFacts(ctx.db(), r, canSeeIdentity(actor.role));
    const items: GlyphItem[] = [
      ...f.rows.map(([field, text]) => ({ subject: f.subject, field, text })),
      { subject: f.subject, field: '异动原因', text: f.reason },
      ...f.steps.flatMap((s) => [{ subject: f.subject, field: `${s.label}意见`, text: s.opinion }, { subject: f.subject, field: `${s.label}审批人`, text: s.decider }]),
      { subject: '审批表', field: '学校名称', text: f.school },
    ];
    assertPrintable(items, 'serif');
    const bytes = await renderPdf(formDocument(f, localDay(ctx.core.now())), 'serif');
    job.check();
    // Who printed which form (it carries the student's ID number) is in the trail, as every export is.
    ctx.write(() => ({ value: null, audit: [{ action: 'statusChanges.form', entity: 'student', entityId: r.studentId, summary: `打印学籍异动审批表（第 ${r.id} 号）` }] }));
    const fileName = `学籍异动审批表_第${r.id}号_${getStudent(ctx.db(), r.studentId)!.name}.pdf`;
    job.setOutput({ fileName, mime: PDF_MIME, bytes, pageMm: { widthMm: 210, heightMm: 297 } });
    return { jobId: job.jobId!, fileName };
  }, (o) => `已生成${o.fileName}`);
}
