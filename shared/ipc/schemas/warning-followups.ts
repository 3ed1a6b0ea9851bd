import { z } from 'zod';
import { NOTICE_RECIPIENT_KEYS, SEND_METHOD_KEYS } from '../../domain/warnings';
import { id, text } from './common';
import { JobId } from './jobs';

/** 学业预警 follow-up: talks, the assistance plan and its follow-ups, notices, sending and 回执. */

const term = z.string().regex(/^\d{4}-\d{4}-[12]$/, '学期应写作“2026-2027-1”的形式');
const day = (label: string) =>
  z.string({ error: `请填写${label}` }).min(1, { message: `请填写${label}`, abort: true }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const note = (label: string, max = 1000) => z.string().trim().max(max, `${label}不能超过 ${max} 个字符`).default('');

export const FollowUpInput = z.object({ studentId: id, term });

export const SaveTalkInput = z.object({
  studentId: id,
  term,
  /** Present when an existing record is corrected. */
  id: id.optional(),
  talkedOn: day('谈话日期'),
  talkedBy: text('谈话人', 40),
  content: text('谈话内容', 4000),
  studyPlan: text('学习计划', 4000),
});

export const SaveAssistPlanInput = z.object({ studentId: id, term, content: text('帮扶计划', 4000) });

export const SaveFollowUpInput = z.object({
  studentId: id,
  term,
  id: id.optional(),
  dueOn: day('跟进日期'),
  doneOn: day('完成日期').nullable().default(null),
  note: note('跟进情况'),
});

export const IssueNoticeInput = z.object({
  studentId: id,
  term,
  recipient: z.enum(NOTICE_RECIPIENT_KEYS, { error: '请选择通知书的对象（学生或家长）' }),
  jobId: JobId.optional(),
});
export const IssueNoticeOutput = z.object({ jobId: z.string(), fileName: z.string(), noticeNo: z.string(), reissued: z.boolean() });

const sendBase = { noticeId: id, sentOn: day('寄送日期'), note: note('备注', 500) };
/** 登记寄送: 挂号信 needs its number, 电话 a note of the call; 当面交付 and 短信 only the date. */
export const RecordSendInput = z.discriminatedUnion(
  'method',
  [
    z.object({ ...sendBase, method: z.literal('in_person') }),
    z.object({ ...sendBase, method: z.literal('registered_mail'), mailNo: z.string({ error: '请填写挂号信号码' }).trim().min(1, { message: '请填写挂号信号码', abort: true }).regex(/^[A-Za-z0-9]{8,30}$/, '挂号信号码应为 8–30 位字母或数字') }),
    z.object({ ...sendBase, method: z.literal('phone'), phoneLog: text('通话记录', 1000) }),
    z.object({ ...sendBase, method: z.literal('sms') }),
  ],
  { error: '请选择送达方式' },
);

export const RecordReceiptInput = z.object({ noticeId: id, receivedOn: day('回执收回日期'), note: note('备注', 500) });

const SendView = z.object({
  id: z.number(),
  method: z.enum(SEND_METHOD_KEYS),
  sentOn: z.string(),
  mailNo: z.string().nullable(),
  phoneLog: z.string().nullable(),
  note: z.string(),
  recordedByName: z.string(),
});

export const NoticeView = z.object({
  id: z.number(),
  term: z.string(),
  recipient: z.enum(NOTICE_RECIPIENT_KEYS),
  noticeNo: z.string(),
  tier: z.string(),
  colour: z.string().nullable(),
  reasons: z.array(z.string()),
  issuedByName: z.string(),
  issuedAt: z.string(),
  issueCount: z.number(),
  lastIssuedAt: z.string(),
  sends: z.array(SendView),
  receipt: z.object({ receivedOn: z.string(), note: z.string(), recordedByName: z.string() }).nullable(),
  /** A parent notice sent 14 days ago or more without its 回执. */
  receiptOverdue: z.boolean(),
});

export const FollowUpView = z.object({
  student: z.object({ id: z.number(), name: z.string(), studentNo: z.string().nullable(), className: z.string().nullable() }),
  term: z.string(),
  /** The student's row in the term's latest run that looked at their class (null: none listed them). */
  current: z
    .object({
      runId: z.number(),
      runAt: z.string(),
      tier: z.string().nullable(),
      colour: z.string().nullable(),
      previousTier: z.string().nullable(),
      change: z.enum(['new', 'raised', 'lowered', 'cleared', 'same']),
      reasons: z.array(z.string()),
    })
    .nullable(),
  /** Every run's row for the student, oldest first (tier changes between runs). */
  history: z.array(z.object({ runId: z.number(), term: z.string(), runAt: z.string(), tier: z.string().nullable(), colour: z.string().nullable(), change: z.enum(['new', 'raised', 'lowered', 'cleared', 'same']) })),
  talks: z.array(z.object({ id: z.number(), talkedOn: z.string(), talkedBy: z.string(), content: z.string(), studyPlan: z.string(), recordedByName: z.string(), recordedAt: z.string() })),
  plan: z.object({ content: z.string(), updatedByName: z.string(), updatedAt: z.string() }).nullable(),
  followUps: z.array(z.object({ id: z.number(), dueOn: z.string(), doneOn: z.string().nullable(), note: z.string(), overdue: z.boolean() })),
  /** Every notice of the student, all terms, in the order issued. */
  notices: z.array(NoticeView),
  /** Why notices cannot be issued now (no tier in the term's latest run); null when they can. */
  noticeRefusal: z.string().nullable(),
  /** The signed-in user's name: who talked, unless said otherwise. */
  defaultTalker: z.string(),
});

export const WarningTodo = z.object({
  receiptsOverdue: z.array(
    z.object({ noticeId: z.number(), studentId: z.number(), studentName: z.string(), studentNo: z.string().nullable(), term: z.string(), noticeNo: z.string(), tier: z.string(), firstSentOn: z.string(), days: z.number() }),
  ),
  followUpsOverdue: z.array(
    z.object({ id: z.number(), studentId: z.number(), studentName: z.string(), studentNo: z.string().nullable(), term: z.string(), dueOn: z.string(), note: z.string(), daysLate: z.number() }),
  ),
});

export const SavedId = z.object({ id: z.number() });
