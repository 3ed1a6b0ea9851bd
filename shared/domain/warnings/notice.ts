import { format } from 'date-fns';

/**
 * 学业预警通知书 (DOMAIN.md §6, documents 1 and 2): what the student's copy and the parent's copy
 * say, as pure functions of the facts, so the wording is tested without a PDF. The tier and the
 * reasons are the run's stored texts, word for word; both copies say plainly that a warning is not
 * a 处分. The parent's copy ends with a 回执 to be cut off along a dashed line and returned.
 */

export const NOTICE_RECIPIENTS = { student: '学生', parent: '家长' } as const;
export type NoticeRecipient = keyof typeof NOTICE_RECIPIENTS;
export const NOTICE_RECIPIENT_KEYS = Object.keys(NOTICE_RECIPIENTS) as [NoticeRecipient, ...NoticeRecipient[]];

/** Said on every notice, in these words: a warning is a reminder and help, never a sanction. */
export const NOT_A_SANCTION = '学业预警是学校对学业困难学生的提醒和帮扶，不是处分，不记入学生的奖惩记录和档案。';

export interface NoticeFacts {
  schoolName: string;
  departmentName: string;
  name: string;
  studentNo: string | null;
  majorName: string | null;
  className: string | null;
  /** '2026-2027-1' */
  term: string;
  /** The tier's label as the run stored it: '黄色预警'. */
  tier: string;
  /** The run's reason texts for this student, in the run's order. */
  reasons: readonly string[];
  /** Who issues it (the signed-in user's name): the contact the parent is given. */
  contact: string;
  noticeNo: string;
}

export interface NoticeReceipt {
  title: string;
  numberLine: string;
  /** 学生姓名 / 班级 / 预警等级 / 学期, each with its value. */
  rows: [string, string][];
  statement: string;
  /** The lines the parent fills in by hand. */
  opinion: string;
  signature: string;
}

export interface NoticeText {
  title: string;
  numberLine: string;
  salutation: string;
  /** Before the reasons. */
  opening: string;
  /** The reasons, numbered: 1. … */
  reasons: string[];
  /** After the reasons: not a 处分, what to do. */
  paragraphs: string[];
  issuer: string[];
  date: string;
  /** The student's signature line on their copy. */
  acknowledgement: string | null;
  /** The tear-off 回执 on the parent's copy. */
  receipt: NoticeReceipt | null;
}

const TERM_NO = ['', '一', '二'];

/** '2026-2027-1' → 2026—2027学年第一学期 (as notices and forms write a term). */
export function termLabel(term: string): string {
  const m = /^(\d{4})-(\d{4})-([12])$/.exec(term);
  return m ? `${m[1]}—${m[2]}学年第${TERM_NO[Number(m[3])]}学期` : term;
}

/** 预警〔2026-2027-1〕003号: the term, and the notice's running number within that term. */
export function noticeNumber(term: string, serial: number): string {
  return `预警〔${term}〕${String(serial).padStart(3, '0')}号`;
}

/** 学生“张三”（学号 2026510201001）: how a refusal names the student. */
export function noticeSubject(facts: Pick<NoticeFacts, 'name' | 'studentNo'>): string {
  return `学生“${facts.name}”${facts.studentNo ? `（学号 ${facts.studentNo}）` : ''}`;
}

const BLANK_DATE = '　　　　年　　月　　日';

/** The notice's words for one recipient; `issuedOn` is the local date it is printed. */
export function noticeText(recipient: NoticeRecipient, f: NoticeFacts, issuedOn: Date): NoticeText {
  const who = `${f.name}${f.studentNo ? `（学号 ${f.studentNo}）` : ''}`;
  const where = [f.departmentName, f.majorName ? `${f.majorName}专业` : '', f.className ?? ''].join('');
  const term = termLabel(f.term);
  const common = {
    numberLine: `编号：${f.noticeNo}`,
    reasons: f.reasons.map((r, i) => `${i + 1}. ${r}`),
    issuer: [f.schoolName, f.departmentName].filter((l) => l.trim() !== ''),
    date: format(issuedOn, 'yyyy年M月d日'),
  };
  if (recipient === 'student') {
    return {
      ...common,
      title: '学业预警通知书',
      salutation: `${f.name}同学${f.studentNo || f.className ? `（${[f.studentNo ? `学号 ${f.studentNo}` : '', f.className ?? ''].filter(Boolean).join('，')}）` : ''}：`,
      opening: `根据学校学业预警规则，经对你${term}学业情况的核查，你已达到“${f.tier}”。具体原因如下：`,
      paragraphs: [
        NOT_A_SANCTION,
        `请你认真分析原因，主动与辅导员（${f.contact}）联系，共同制订学习计划，按时参加补考或重修，端正学习态度，避免学业问题进一步加重。`,
      ],
      acknowledgement: `学生签收：　　　　　　　　　　日期：${BLANK_DATE}`,
      receipt: null,
    };
  }
  return {
    ...common,
    title: '学业预警通知书（致家长）',
    salutation: `尊敬的${f.name}同学家长：`,
    opening: `您好！${who}是我校${where}学生。根据学校学业预警规则，经对该生${term}学业情况的核查，该生已达到“${f.tier}”。具体原因如下：`,
    paragraphs: [
      `${NOT_A_SANCTION}学校发出本通知，是希望您及时了解孩子的学业情况，与学校共同督促、帮助孩子改进学习。`,
      `请您收到本通知后在下方回执上签字，沿虚线剪下，寄回学校或由学生交回辅导员。如有疑问，请与辅导员${f.contact}联系。`,
    ],
    acknowledgement: null,
    receipt: {
      title: '学业预警通知书回执',
      numberLine: `编号：${f.noticeNo}`,
      rows: [
        ['学生姓名', f.name],
        ['班级', f.className ?? ''],
        ['预警等级', f.tier],
        ['学期', term],
      ],
      statement: `本人已收到${f.schoolName}关于${f.name}的学业预警通知书，已知悉该生的学业情况，将配合学校督促其改进学习。`,
      opinion: '家长意见：',
      signature: `家长签字：　　　　　　　　　　日期：${BLANK_DATE}`,
    },
  };
}

/** 学业预警通知书（致家长）_张三_2026510201001.pdf */
export function noticeFileName(recipient: NoticeRecipient, f: Pick<NoticeFacts, 'name' | 'studentNo'>): string {
  return `${recipient === 'parent' ? '学业预警通知书（致家长）' : '学业预警通知书'}_${f.name}${f.studentNo ? `_${f.studentNo}` : ''}.pdf`;
}

/**
 * Every piece of data the notice prints, by the field's Chinese name, for the glyph check (the
 * template's own words are checked by the tests).
 */
export function noticeGlyphItems(f: NoticeFacts): { subject: string; field: string; text: string }[] {
  const subject = noticeSubject(f);
  const fields: [string, string | null][] = [
    ['姓名', f.name],
    ['学号', f.studentNo],
    ['专业', f.majorName],
    ['班级', f.className],
    ['预警等级', f.tier],
    ...f.reasons.map((r): [string, string] => ['预警原因', r]),
  ];
  return [
    ...fields.filter(([, v]) => v != null).map(([field, text]) => ({ subject, field, text: text! })),
    { subject: '系统设置', field: '学校名称', text: f.schoolName },
    { subject: '系统设置', field: '院系名称', text: f.departmentName },
    { subject: '当前用户', field: '姓名', text: f.contact },
  ];
}
