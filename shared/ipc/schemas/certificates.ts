import { z } from 'zod';
import { id, text } from './common';

const isoDay = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const order = z.enum(['idNumber', 'studentNo', 'namePinyin'], { error: '编号顺序应为 按身份证号、按学号 或 按姓名拼音' });
const kind = z.enum(['毕业', '结业']);

/** 学历证书编号 settings (系统设置); the 学校代码 is the school's own (settings.schoolCode). */
export const CertificateSettingsSchema = z.object({
  runType: z.enum(['1', '5', '6', '7'], { error: '办学类型代码应为 1、5、6 或 7' }),
  order,
});

/** Who is numbered: a grade (年级), optionally one major; students already numbered keep theirs. */
export const AssignCertificatesInput = z.object({
  cohortYear: z.number({ error: '请选择年级' }).int().min(1990, '年级应为四位年份').max(2100, '年级应为四位年份'),
  majorId: id.optional(),
  /** The saved order (系统设置) when absent. */
  order: order.optional(),
  /** The 毕业日期 printed; by default 6 月 30 日 of the year the major's 学制 ends. Its year is the number's year. */
  graduationDate: isoDay('毕业日期').optional(),
});

const Planned = z.object({
  studentId: z.number(),
  studentNo: z.string().nullable(),
  name: z.string(),
  idNumber: z.string(),
  className: z.string().nullable(),
  kind,
  certificateNo: z.string(),
  graduationDate: z.string(),
});
const Group = z.object({ majorName: z.string(), year: z.number(), level: z.string(), levelName: z.string(), count: z.number(), first: z.string(), last: z.string() });

export const PlanCertificatesOutput = z.object({
  order,
  orderLabel: z.string(),
  schoolCode: z.string(),
  runType: z.string(),
  /** Students of the grade whose outcome is 毕业/结业 and who have no number yet, in numbering order. */
  planned: z.array(Planned),
  /** One line per (major, year, level): how many and the first and last number. */
  groups: z.array(Group),
  /** Already numbered (kept), not audited or 延长学习年限 (not numbered). */
  alreadyNumbered: z.number(),
  notEligible: z.array(z.object({ studentId: z.number(), name: z.string(), reason: z.string() })),
});
export const AssignCertificatesOutput = PlanCertificatesOutput;

export const ListCertificatesInput = z.object({
  cohortYear: z.number().int().min(1990).max(2100),
  majorId: id.optional(),
  classId: id.optional(),
  kind: kind.optional(),
  /** none: audited 毕业/结业 students without a number yet. */
  status: z.enum(['issued', 'voided', 'none']).optional(),
});

export const CertificateListRow = z.object({
  studentId: z.number(),
  studentNo: z.string().nullable(),
  name: z.string(),
  className: z.string().nullable(),
  majorName: z.string().nullable(),
  /** The effective graduation outcome; null: not audited yet. */
  outcome: z.string().nullable(),
  certificateId: z.number().nullable(),
  certificateNo: z.string().nullable(),
  kind: kind.nullable(),
  status: z.enum(['issued', 'voided']).nullable(),
  graduationDate: z.string().nullable(),
  issueDate: z.string().nullable(),
  voidReason: z.string().nullable(),
  printedCount: z.number(),
  proof: z.object({ reason: z.string(), issuedBy: z.string(), issuedAt: z.string() }).nullable(),
  hold: z.object({ reason: z.string(), setBy: z.string(), setAt: z.string() }).nullable(),
  /** 换发毕业证书 is possible: a live 结业 certificate and the effective outcome is now 毕业. */
  canReissue: z.boolean(),
});
export const ListCertificatesOutput = z.object({ rows: z.array(CertificateListRow) });

export const CertificateIdInput = z.object({ id });
export const CertificateReasonInput = z.object({ id, reason: text('原因', 500) });
export const HoldInput = z.object({ studentId: id, reason: text('原因', 500) });
export const Done = z.object({ ok: z.literal(true) });

export const RegisterFormsInput = z.object({ from: text('起始编号', 40), to: text('结束编号', 40) });
export const RegisterFormsOutput = z.object({ sheets: z.number(), firstSerial: z.string(), lastSerial: z.string() });
export const SpoilFormInput = z.object({ serial: text('空白证书编号', 40), reason: text('作废原因', 500) });
export const ListFormsInput = z.object({
  status: z.enum(['unused', 'printed', 'spoiled']).optional(),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(500).default(100),
});
export const ListFormsOutput = z.object({
  rows: z.array(
    z.object({
      serial: z.string(),
      status: z.enum(['unused', 'printed', 'spoiled']),
      certificateNo: z.string().nullable(),
      spoiledReason: z.string().nullable(),
      spoiledBy: z.string().nullable(),
      spoiledAt: z.string().nullable(),
    }),
  ),
  total: z.number(),
  unused: z.number(),
  printed: z.number(),
  spoiled: z.number(),
});
