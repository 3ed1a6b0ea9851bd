import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../../../shared/domain/certificates/default-template';
import { fieldText, type CertificateFacts } from '../../../../shared/domain/certificates/fields';
import type { TemplateTextField } from '../../../../shared/domain/certificates/template';
import { profileProblems, templateProblems } from '../../../../shared/domain/certificates/template-check';

const facts: CertificateFacts = {
  name: '张三', sex: '男', birthDate: '2005-09-01', enrolmentDate: '2023-09-01', graduationDate: '2026-06-30', issueDate: '2026-07-01', major: '计算机应用技术',
  lengthYears: '3', level: '专科', studyForm: '普通全日制', certificateNo: '123451202606000001', schoolName: '示范职业技术学院', presidentName: '',
};
const f = (over: Partial<TemplateTextField>): TemplateTextField => ({ id: 'x', key: 'name', xMm: 10, yMm: 10, widthMm: 40, font: 'serif', sizePt: 14, align: 'left', letterSpacingPt: 0, ...over });

describe('fieldText (the preview and the print)', () => {
  it('prints dates in the field’s form, 学制 as a numeral, fixed text as written', () => {
    expect(fieldText(f({ key: 'birthDate', dateForm: 'numeral' }), facts)).toEqual({ ok: true, text: '二〇〇五年九月一日' });
    expect(fieldText(f({ key: 'graduationDate', dateForm: 'arabic' }), facts)).toEqual({ ok: true, text: '2026年6月30日' });
    expect(fieldText(f({ key: 'lengthYears' }), facts)).toEqual({ ok: true, text: '三' });
    expect(fieldText(f({ key: 'lengthYears' }), { ...facts, lengthYears: '2.5' })).toEqual({ ok: true, text: '2.5' });
    expect(fieldText(f({ key: 'text', text: '校（院）长：' }), facts)).toEqual({ ok: true, text: '校（院）长：' });
  });
  it('names what is missing instead of printing a blank', () => {
    expect(fieldText(f({ key: 'presidentName' }), facts)).toEqual({ ok: false, problem: '缺少校（院）长姓名' });
    expect(fieldText(f({ key: 'issueDate', dateForm: 'numeral' }), { ...facts, issueDate: null })).toEqual({ ok: false, problem: '缺少发证日期' });
    expect(fieldText(f({ key: 'birthDate', dateForm: 'numeral' }), { ...facts, birthDate: '2005-02-30' })).toMatchObject({ ok: false, problem: expect.stringContaining('不存在') });
  });
});

describe('templateProblems and profileProblems', () => {
  it('accepts the shipped template and names each problem by field', () => {
    expect(templateProblems(DEFAULT_TEMPLATE)).toEqual([]);
    const t = { ...DEFAULT_TEMPLATE, fields: [f({ xMm: 220 }), f({ id: 'y', key: 'issueDate' }), f({ id: 'z', key: 'text' })], photo: { xMm: 230, yMm: 10, widthMm: 30, heightMm: 40 } };
    expect(templateProblems(t).map((p) => p.message)).toEqual([
      '第 1 项“姓名”超出纸张右边（右端 260 毫米，纸宽 240 毫米）',
      '第 2 项“发证日期”请选择日期写法（二〇〇五年九月一日 或 2005年9月1日）',
      '第 3 项固定文字请填写内容',
      '照片框超出纸张',
    ]);
  });
  it('keeps a printer profile within ±20 mm and 0.95–1.05', () => {
    expect(profileProblems({ name: 'HP', offsetXMm: -20, offsetYMm: 20, scaleX: 0.95, scaleY: 1.05 })).toEqual([]);
    expect(profileProblems({ name: 'HP', offsetXMm: 20.1, offsetYMm: 0, scaleX: 1, scaleY: 0.9 }).map((p) => p.message)).toEqual(['左右偏移应在 ±20 毫米之内', '纵向缩放应在 0.95–1.05 之间']);
  });
});
