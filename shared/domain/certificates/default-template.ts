import { TEMPLATE_FORMAT, type CertificateTemplate, type TemplateTextField } from './template';

/**
 * The starting 毕业证书 template the app ships (seeded by migration 0026; the designer moves it
 * onto the school's own form). The inner sheet of a 普通高等学校毕业证书 has no national size:
 * published figures disagree (A4, 235×165 mm, 220×148 mm), so this is a PLAUSIBLE landscape sheet
 * of 240×170 mm with the common arrangement — the photo (3:4, as 学信网's 480×640 image) at the
 * left under the steel seal, the sentence 学生 …，性别 …，… 生，于 … 至 … 在本校 … 专业 … 年制 …
 * 学习 … 准予毕业 on the right with blanks for the record, 校（院）长 and the issue date below it,
 * 证书编号 bottom left. Every position is meant to be measured on the real blank and corrected.
 */
const field = (id: string, key: TemplateTextField['key'], xMm: number, yMm: number, widthMm: number, extra: Partial<TemplateTextField> = {}): TemplateTextField => ({
  id, key, xMm, yMm, widthMm, font: 'serif', sizePt: 14, align: 'center', letterSpacingPt: 0, ...extra,
});

export const DEFAULT_TEMPLATE_NAME = '毕业证书（通用）';

export const DEFAULT_TEMPLATE: CertificateTemplate = {
  format: TEMPLATE_FORMAT,
  name: DEFAULT_TEMPLATE_NAME,
  kind: '毕业证书',
  page: { widthMm: 240, heightMm: 170 },
  fields: [
    // 学生 ____ ，性别 __ ，
    field('name', 'name', 128, 52, 36, { letterSpacingPt: 2 }),
    field('sex', 'sex', 190, 52, 14),
    // ________ 生，
    field('birth', 'birthDate', 120, 64, 62, { dateForm: 'numeral' }),
    // 于 ______ 至 ______
    field('enrol', 'enrolmentDate', 128, 76, 46, { dateForm: 'arabic', sizePt: 12 }),
    field('grad', 'graduationDate', 182, 76, 46, { dateForm: 'arabic', sizePt: 12 }),
    // 在本校 ________ 专业 __ 年制 ____ 学习，
    field('major', 'major', 140, 88, 60, { sizePt: 13 }),
    field('length', 'lengthYears', 120, 100, 12),
    field('level', 'level', 150, 100, 20),
    // 校（院）长：____      ______ 年 __ 月 __ 日
    field('president', 'presidentName', 128, 132, 30, { letterSpacingPt: 2 }),
    field('issue', 'issueDate', 170, 146, 56, { dateForm: 'numeral', sizePt: 12 }),
    // 证书编号：__________________
    field('no', 'certificateNo', 36, 146, 56, { font: 'sans', sizePt: 11, align: 'left', letterSpacingPt: 0.5 }),
  ],
  photo: { xMm: 40, yMm: 40, widthMm: 30, heightMm: 40 },
};
