import { describe, expect, it } from 'vitest';
import {
  followUpOverdue, NOT_A_SANCTION, noticeFileName, noticeGlyphItems, noticeNumber, noticeText, receiptDueOn, receiptOverdue, termLabel, type NoticeFacts,
} from '../../../../shared/domain/warnings';

const facts: NoticeFacts = {
  schoolName: '示范职业技术学院', departmentName: '信息工程系', name: '张三', studentNo: '2026510201001', majorName: '计算机应用技术', className: '计算机2601班',
  term: '2026-2027-2', tier: '橙色预警', reasons: ['补考后累计不及格课程 5 门（达到橙色预警的 5 门）', '本学期旷课 22 学时（达到橙色预警的 21 学时）'], contact: '赵辅导员', noticeNo: '预警〔2026-2027-2〕012号',
};

describe('学业预警通知书 words', () => {
  it('writes the term and the number as notices do', () => {
    expect(termLabel('2026-2027-1')).toBe('2026—2027学年第一学期');
    expect(termLabel('2026-2027-2')).toBe('2026—2027学年第二学期');
    expect(noticeNumber('2026-2027-1', 7)).toBe('预警〔2026-2027-1〕007号');
    expect(noticeNumber('2026-2027-1', 1234)).toBe('预警〔2026-2027-1〕1234号');
  });

  it('the student\'s copy: the tier and every reason word for word, not a 处分, signed by the student, no 回执', () => {
    const t = noticeText('student', facts, new Date(2027, 2, 5));
    expect(t.title).toBe('学业预警通知书');
    expect(t.numberLine).toBe('编号：预警〔2026-2027-2〕012号');
    expect(t.salutation).toBe('张三同学（学号 2026510201001，计算机2601班）：');
    expect(t.opening).toBe('根据学校学业预警规则，经对你2026—2027学年第二学期学业情况的核查，你已达到“橙色预警”。具体原因如下：');
    expect(t.reasons).toEqual(['1. 补考后累计不及格课程 5 门（达到橙色预警的 5 门）', '2. 本学期旷课 22 学时（达到橙色预警的 21 学时）']);
    expect(t.paragraphs[0]).toBe(NOT_A_SANCTION);
    expect(NOT_A_SANCTION).toContain('不是处分');
    expect(t.issuer).toEqual(['示范职业技术学院', '信息工程系']);
    expect(t.date).toBe('2027年3月5日');
    expect(t.acknowledgement).toMatch(/^学生签收：/);
    expect(t.receipt).toBeNull();
  });

  it('the parent\'s copy: who the student is, the same reasons, not a 处分, and the 回执 with name, class, tier and term', () => {
    const t = noticeText('parent', facts, new Date(2027, 2, 5));
    expect(t.title).toBe('学业预警通知书（致家长）');
    expect(t.salutation).toBe('尊敬的张三同学家长：');
    expect(t.opening).toContain('张三（学号 2026510201001）是我校信息工程系计算机应用技术专业计算机2601班学生');
    expect(t.opening).toContain('已达到“橙色预警”');
    expect(t.reasons).toHaveLength(2);
    expect(t.paragraphs[0]!.startsWith(NOT_A_SANCTION)).toBe(true);
    expect(t.paragraphs[1]).toContain('辅导员赵辅导员');
    expect(t.acknowledgement).toBeNull();
    expect(t.receipt).toMatchObject({
      title: '学业预警通知书回执',
      numberLine: '编号：预警〔2026-2027-2〕012号',
      rows: [['学生姓名', '张三'], ['班级', '计算机2601班'], ['预警等级', '橙色预警'], ['学期', '2026—2027学年第二学期']],
    });
    expect(t.receipt!.signature).toMatch(/^家长签字：.*日期：/);
  });

  it('a student without 学号 or class is still addressed properly', () => {
    const t = noticeText('student', { ...facts, studentNo: null, className: null, majorName: null }, new Date(2027, 2, 5));
    expect(t.salutation).toBe('张三同学：');
    expect(noticeFileName('parent', { name: '张三', studentNo: null })).toBe('学业预警通知书（致家长）_张三.pdf');
    expect(noticeFileName('student', facts)).toBe('学业预警通知书_张三_2026510201001.pdf');
  });

  it('names each printed field for the glyph check, the reasons included', () => {
    const items = noticeGlyphItems(facts);
    expect(items.filter((i) => i.subject === '学生“张三”（学号 2026510201001）').map((i) => i.field)).toEqual(['姓名', '学号', '专业', '班级', '预警等级', '预警原因', '预警原因']);
    expect(items.slice(-3).map((i) => `${i.subject}/${i.field}`)).toEqual(['系统设置/学校名称', '系统设置/院系名称', '当前用户/姓名']);
  });
});

describe('overdue', () => {
  it('a parent notice\'s 回执 is overdue 14 days after it was first sent, not before, and never once back or never sent', () => {
    expect(receiptDueOn('2026-09-20')).toBe('2026-10-04');
    expect(receiptOverdue('2026-09-20', null, '2026-10-03')).toBe(false);
    expect(receiptOverdue('2026-09-20', null, '2026-10-04')).toBe(true);
    expect(receiptOverdue('2026-09-20', '2026-10-05', '2026-10-10')).toBe(false);
    expect(receiptOverdue(null, null, '2027-01-01')).toBe(false);
  });

  it('a follow-up is overdue the day after its due date while not done', () => {
    expect(followUpOverdue('2026-09-05', null, '2026-09-05')).toBe(false);
    expect(followUpOverdue('2026-09-05', null, '2026-09-06')).toBe(true);
    expect(followUpOverdue('2026-09-05', '2026-09-07', '2026-09-10')).toBe(false);
  });
});
