import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { format } from 'date-fns';
import {
  findStatusChangeType, STATUS_CHANGE_STATE_LABELS, STATUS_CHANGE_TYPE_KEYS, STATUS_CHANGE_TYPES, type StatusChangeState, type StatusChangeType,
} from '../../../shared/domain/status-changes';
import { studentNoText } from '../../../shared/domain/student-no';
import type { CallOutput } from '../../../shared/ipc/contract';
import { showProgress } from '../progress';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';
import { textTable } from '../table';
import { findStudent } from './students-show';

type Order = CallOutput<'statusChanges.get'>;

export interface StatusChangeOptions {
  json: boolean;
  status?: string | undefined;
  type?: string | undefined;
  student?: string | undefined;
  effective?: string | undefined;
  reason?: string | undefined;
  until?: string | undefined;
  targetClass?: string | undefined;
  subtype?: string | undefined;
  otherSchool?: string | undefined;
  term?: string | undefined;
  attach?: string[] | undefined;
  approve?: boolean;
  reject?: boolean;
  opinion?: string | undefined;
  paper?: string | undefined;
  decisionNo?: string | undefined;
  month?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
}

/** `--status` words: done is what the office calls 已生效 (approved). Chinese labels work too. */
const STATE_WORDS: Record<string, StatusChangeState> = {
  pending: 'pending', done: 'approved', approved: 'approved', returned: 'returned', withdrawn: 'withdrawn',
  ...Object.fromEntries(Object.entries(STATUS_CHANGE_STATE_LABELS).map(([k, v]) => [v, k as StatusChangeState])),
};

function parseStates(text: string | undefined): StatusChangeState[] | undefined {
  if (!text) return undefined;
  return [...new Set(text.split(/[,，|]/).map((w) => w.trim()).filter(Boolean).map((w) => {
    const s = STATE_WORDS[w.toLowerCase()] ?? STATE_WORDS[w];
    if (!s) refuse('VALIDATION', `--status 只能是 pending（审批中）、done（已生效）、returned（已退回）或 withdrawn（已撤回），而不是“${w}”。`);
    return s;
  }))];
}

function parseType(text: string | undefined, required: true): StatusChangeType;
function parseType(text: string | undefined, required: false): StatusChangeType | undefined;
function parseType(text: string | undefined, required: boolean): StatusChangeType | undefined {
  if (!text?.trim()) {
    if (required) refuse('VALIDATION', '缺少参数 --type（异动类型，如 休学）。');
    return undefined;
  }
  const t = findStatusChangeType(text);
  if (!t) refuse('VALIDATION', `未知的异动类型“${text}”，可选：${STATUS_CHANGE_TYPE_KEYS.map((k) => STATUS_CHANGE_TYPES[k].label).join('、')}。`);
  return t;
}

/** 保留学籍 --subtype 应征入伍 (or military): the sub-kind's key. */
function parseSubtype(type: StatusChangeType, text: string | undefined): string | null {
  const subtypes = STATUS_CHANGE_TYPES[type].subtypes;
  if (!text?.trim()) return null;
  if (!subtypes) refuse('VALIDATION', `${STATUS_CHANGE_TYPES[type].label}没有类别，请去掉 --subtype。`);
  const t = text.trim();
  const key = Object.keys(subtypes).find((k) => k === t || subtypes[k] === t);
  if (!key) refuse('VALIDATION', `${STATUS_CHANGE_TYPES[type].label}的类别只能是：${Object.values(subtypes).join('、')}，而不是“${t}”。`);
  return key;
}

const need = (v: string | undefined, flag: string, label: string): string => {
  if (!v?.trim()) refuse('VALIDATION', `缺少参数 --${flag}（${label}）。`);
  return v.trim();
};

/**
 * `--attach 诊断证明.pdf` or `--attach 医院诊断证明=诊断.pdf`: each file read before anything is
 * filed (a wrong path files nothing). The 材料名称 is the one given, else the type's evidence name
 * the file name contains, else 其他材料 — as the app's upload offers them.
 */
function readAttachments(paths: readonly string[], type: StatusChangeType) {
  return paths.map((arg) => {
    const eq = arg.indexOf('=');
    const named = eq > 0 && !/^[A-Za-z]:[\\/]/.test(arg) ? { kind: arg.slice(0, eq).trim(), path: arg.slice(eq + 1) } : { kind: '', path: arg };
    const path = resolve(named.path);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      return refuse('NOT_FOUND', `找不到要上传的材料：${named.path}`);
    }
    if (size > 10 * 1024 * 1024) refuse('VALIDATION', `“${basename(path)}”超过 10 MB，请压缩或分页扫描后再上传`);
    const stem = basename(path, extname(path));
    const kind = named.kind || STATUS_CHANGE_TYPES[type].evidence.find((e) => stem.includes(e)) || '其他材料';
    return { kind, fileName: basename(path), bytes: readFileSync(path) };
  });
}

function summary(o: Order | CallOutput<'statusChanges.list'>['rows'][number]): string {
  const where = o.state === 'pending' ? `审批中，待${o.currentStep ?? ''}` : STATUS_CHANGE_STATE_LABELS[o.state];
  return `学籍异动第 ${o.id} 号：${o.studentName}（${studentNoText(o.studentNo)}）${o.title}，生效日期 ${o.data.effectiveDate}${o.data.expectedEnd ? `，至 ${o.data.expectedEnd}` : ''}；${where}`;
}

async function list(session: CliSession, opts: StatusChangeOptions): Promise<number> {
  const states = parseStates(opts.status);
  const type = parseType(opts.type, false);
  const rows: CallOutput<'statusChanges.list'>['rows'] = [];
  for (let page = 0; ; page++) {
    const r = await session.call('statusChanges.list', { ...(states ? { states } : {}), ...(type ? { type } : {}), page, pageSize: 500 });
    rows.push(...r.rows);
    if (r.rows.length === 0 || rows.length >= r.total) break;
  }
  if (opts.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    console.log('没有符合条件的学籍异动。');
    return 0;
  }
  console.log(textTable(
    ['编号', '学号', '姓名', '班级', '异动类型', '状态', '当前步骤', '生效日期', '提交日期'],
    rows.map((o) => [String(o.id), o.studentNo ?? '待编', o.studentName, o.className ?? '', o.title, STATUS_CHANGE_STATE_LABELS[o.state], o.currentStep ?? '', o.data.effectiveDate, format(new Date(o.filedAt), 'yyyy-MM-dd')]),
  ));
  console.log(`共 ${rows.length} 条`);
  return 0;
}

async function file(session: CliSession, opts: StatusChangeOptions): Promise<number> {
  const type = parseType(opts.type, true);
  const subtype = parseSubtype(type, opts.subtype);
  const effectiveDate = need(opts.effective, 'effective', '生效日期，如 2026-09-01');
  const reason = need(opts.reason, 'reason', '异动原因');
  const student = await findStudent(session, need(opts.student, 'student', '学号或身份证号'));
  const attachments = readAttachments(opts.attach ?? [], type);
  let targetClassId: number | null | undefined;
  if (opts.targetClass?.trim()) {
    const name = opts.targetClass.trim();
    const cls = (await session.call('org.tree', {})).classes.find((c) => c.name === name);
    if (!cls) refuse('NOT_FOUND', `没有名为“${name}”的班级。`);
    targetClassId = cls.id;
  }
  // The filing form's suggestions: the term of the effective date, the end date by the school's
  // policy, and for a 复学 the class of the cohort the student rejoins.
  const draft = await session.call('statusChanges.draft', { studentId: student.id, type, subtype, effectiveDate });
  let order: Order = await session.call('statusChanges.file', {
    studentId: student.id,
    type,
    subtype,
    data: {
      reason,
      effectiveDate,
      term: opts.term?.trim() || draft.term,
      expectedEnd: opts.until?.trim() || draft.expectedEnd,
      targetClassId: targetClassId ?? draft.targetClassId,
      otherSchool: opts.otherSchool?.trim() || null,
    },
  });
  for (const a of attachments) {
    try {
      order = await session.call('statusChanges.attach', { id: order.id, fileId: session.addFile(a.fileName, a.bytes), kind: a.kind });
    } catch (e) {
      // The order stands; say so, so the script does not file it twice.
      if (e instanceof Error) e.message = `学籍异动第 ${order.id} 号已提交，但材料“${a.fileName}”未能上传：${e.message}`;
      throw e;
    }
  }
  console.log(opts.json ? JSON.stringify(order, null, 2) : `已提交${summary(order)}${order.attachments.length ? `；材料 ${order.attachments.length} 份` : ''}`);
  return 0;
}

/** `--paper "姓名,职务,日期"`: a decision recorded from the signed paper form. */
function parsePaper(text: string | undefined) {
  if (!text) return undefined;
  const parts = text.split(/[,，]/).map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !p)) refuse('VALIDATION', `--paper 应写作“姓名,职务,日期”，例如 --paper "李明,教务处处长,2026-09-05"，而不是“${text}”。`);
  const [deciderName, deciderPost, decidedOn] = parts as [string, string, string];
  return { deciderName, deciderPost, decidedOn };
}

function parseId(text: string | undefined): number {
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id <= 0) refuse('VALIDATION', `请指定学籍异动的编号（正整数），例如 status-changes decide 12 --approve${text ? `，而不是“${text}”` : ''}。`);
  return id;
}

async function decide(session: CliSession, idText: string | undefined, opts: StatusChangeOptions): Promise<number> {
  const id = parseId(idText);
  if (opts.approve === opts.reject) refuse('VALIDATION', '请用 --approve（同意）或 --reject（退回）之一说明审批结果。');
  const paper = parsePaper(opts.paper);
  // The step the decision is for is the one the order waits at now; if someone decides it in
  // between, the service answers CONFLICT rather than deciding the next step.
  const current = await session.call('statusChanges.get', { id });
  if (current.state !== 'pending') refuse('CONFLICT', `学籍异动第 ${id} 号${STATUS_CHANGE_STATE_LABELS[current.state]}，没有待审批的步骤。`);
  const order = await session.call('statusChanges.decide', {
    id,
    stepIndex: current.stepIndex,
    stepSince: current.stepSince,
    approve: !!opts.approve,
    ...(opts.opinion?.trim() ? { opinion: opts.opinion.trim() } : {}),
    ...(paper ? { paper } : {}),
    ...(opts.decisionNo?.trim() ? { decisionNo: opts.decisionNo.trim() } : {}),
  });
  const did = `${current.currentStep ?? ''}${paper ? '（纸质审批已登记）' : ''}${opts.approve ? '同意' : '退回'}`;
  console.log(opts.json ? JSON.stringify(order, null, 2) : `${did}。${summary(order)}`);
  return 0;
}

/** `status-changes export --month 2026-09 --out 月报.xlsx`: the 学籍异动月报 job, its file written to --out. */
async function exportMonth(session: CliSession, opts: StatusChangeOptions): Promise<number> {
  const month = need(opts.month, 'month', '月份，如 2026-09');
  const out = resolve(need(opts.out, 'out', '输出文件，如 学籍异动月报.xlsx'));
  const fmt = opts.format ?? (/\.pdf$/i.test(out) ? 'pdf' : 'xlsx');
  if (fmt !== 'xlsx' && fmt !== 'pdf') refuse('VALIDATION', `--format 只能是 xlsx（汇总表）或 pdf（打印清单），而不是“${fmt}”。`);
  showProgress(session);
  const r = await session.call('statusChanges.exportMonth', { jobId: `cli-${randomUUID()}`, month, format: fmt });
  const output = session.jobOutput(r.jobId);
  if (!output) refuse('NOT_FOUND', '导出的文件已不可用，请重试。');
  writeFileSync(out, output.bytes);
  const result = { file: out, fileName: r.fileName, rows: r.rows, format: fmt };
  console.log(opts.json ? JSON.stringify(result, null, 2) : `已导出${r.fileName.replace(/\.\w+$/, '')}（${r.rows} 条）到 ${out}`);
  return 0;
}

/** `status-changes list|file|decide|export`: 学籍异动 from a script, through the same calls, checks and audit as the app. */
export async function statusChangesCommand(session: CliSession, sub: string | undefined, arg: string | undefined, opts: StatusChangeOptions): Promise<number> {
  return withRefusals(opts.json, async () => {
    if (sub === 'list') return list(session, opts);
    if (sub === 'file') return file(session, opts);
    if (sub === 'decide') return decide(session, arg, opts);
    if (sub === 'export') return exportMonth(session, opts);
    return refuse('VALIDATION', `未知的 status-changes 子命令“${sub ?? ''}”，可用：list、file、decide、export。`);
  });
}
