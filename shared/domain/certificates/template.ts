/**
 * 证书模板 for overlay printing (套打) on pre-printed forms: the page and every field's box in
 * millimetres from the page's top-left corner, as a ruler on the blank form measures them. Data,
 * not code: templates are stored, edited in the designer, and exported/imported as files
 * (`format` names this shape's version so a file from a newer app is refused, not misread).
 * Shape learnt from pdfme's template JSON (ENVIRONMENT.md, 套打).
 */

export const TEMPLATE_FORMAT = 1;

/** What a text field prints. 'text' prints the field's own fixed `text` (a line the form lacks). */
export const TEMPLATE_FIELD_KEYS = {
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  enrolmentDate: '入学日期',
  graduationDate: '毕业日期',
  major: '专业',
  lengthYears: '学制',
  level: '层次',
  studyForm: '学习形式',
  certificateNo: '证书编号',
  schoolName: '学校名称',
  presidentName: '校（院）长姓名',
  issueDate: '发证日期',
  text: '固定文字',
} as const;
export type TemplateFieldKey = keyof typeof TEMPLATE_FIELD_KEYS;

/** The keys whose value is a date, printed in one of the two diploma forms (dates.ts). */
export const DATE_FIELD_KEYS: readonly TemplateFieldKey[] = ['birthDate', 'enrolmentDate', 'graduationDate', 'issueDate'];
/** 二〇〇五年九月一日 ('numeral') or 2005年9月1日 ('arabic'). */
export type DateForm = 'numeral' | 'arabic';

export type TemplateFont = 'serif' | 'sans';
export type TemplateAlign = 'left' | 'center' | 'right';

export interface TemplateTextField {
  /** Stable within the template (the designer's selection and undo refer to it). */
  id: string;
  key: TemplateFieldKey;
  /** Top-left of the field's box, mm from the page's top-left. The text's top sits at yMm. */
  xMm: number;
  yMm: number;
  /** The box's width: alignment is within it; text wider than it is refused before printing. */
  widthMm: number;
  font: TemplateFont;
  sizePt: number;
  align: TemplateAlign;
  /** Extra space after each character, in points (0 = the font's own). */
  letterSpacingPt: number;
  /** Date fields only. */
  dateForm?: DateForm;
  /** key 'text' only: the words printed. */
  text?: string;
}

/** Where the student's photo goes (the form's printed frame), mm. */
export interface TemplatePhotoBox {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

export interface CertificateTemplate {
  format: typeof TEMPLATE_FORMAT;
  name: string;
  /** Which certificate it prints: the 毕业证书 and 结业证书 forms differ. */
  kind: '毕业证书' | '结业证书';
  page: { widthMm: number; heightMm: number };
  fields: TemplateTextField[];
  photo: TemplatePhotoBox | null;
}

/**
 * A printer's correction (打印机校准): the printed output lands offset and slightly scaled against
 * the form; the print moves every position by these amounts. Measured from the calibration sheet.
 */
export interface PrinterProfile {
  name: string;
  /** + moves the print right / down, mm. */
  offsetXMm: number;
  offsetYMm: number;
  /** 1 = none; 1.002 stretches by 0.2 % (positions measured from the top-left corner). */
  scaleX: number;
  scaleY: number;
}

export const NO_CORRECTION: PrinterProfile = { name: '未校准', offsetXMm: 0, offsetYMm: 0, scaleX: 1, scaleY: 1 };

/** A position on the form as the printer must be told it: scaled from the corner, then offset. */
export function correctedMm(p: { xMm: number; yMm: number }, profile: PrinterProfile): { xMm: number; yMm: number } {
  return { xMm: p.xMm * profile.scaleX + profile.offsetXMm, yMm: p.yMm * profile.scaleY + profile.offsetYMm };
}
