import { DATE_FIELD_KEYS, TEMPLATE_FIELD_KEYS, type TemplateTextField } from './template';
import { arabicChineseDate, chineseNumeralDate } from './dates';

/**
 * What one student's certificate prints, field by field (certificateTemplates.sampleFacts answers
 * it for the designer's preview; the print job reads the same from the certificate records). Dates
 * are ISO days 'yyyy-MM-dd'; null when the record has none yet.
 */
export interface CertificateFacts {
  name: string;
  sex: string;
  birthDate: string | null;
  enrolmentDate: string | null;
  graduationDate: string | null;
  issueDate: string | null;
  major: string | null;
  /** 学制 as stored ('3', '2.5'). */
  lengthYears: string | null;
  level: string | null;
  studyForm: string | null;
  certificateNo: string | null;
  schoolName: string;
  presidentName: string;
}

export type FieldText = { ok: true; text: string } | { ok: false; problem: string };

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 学制 as diplomas write it: a whole number of years as a numeral (三), anything else as stored. */
function lengthText(stored: string): string {
  const s = stored.trim();
  return /^[1-9]$/.test(s) ? NUMERALS[Number(s)]! : s;
}

/**
 * A date in one of the two forms, remembered: a batch of a thousand diplomas prints the same
 * graduation and issue dates a thousand times, and date-fns' strict parse is the slow part.
 */
const dateTexts = new Map<string, ReturnType<typeof chineseNumeralDate>>();
function dateText(iso: string, form: 'numeral' | 'arabic') {
  const key = `${form}${iso}`;
  let r = dateTexts.get(key);
  if (!r) {
    r = form === 'arabic' ? arabicChineseDate(iso) : chineseNumeralDate(iso);
    if (dateTexts.size > 20_000) dateTexts.clear();
    dateTexts.set(key, r);
  }
  return r;
}

/** The field's name in messages: 姓名, or 固定文字“校（院）长：”. */
export function fieldLabel(field: Pick<TemplateTextField, 'key' | 'text'>): string {
  return field.key === 'text' ? `固定文字“${field.text ?? ''}”` : TEMPLATE_FIELD_KEYS[field.key];
}

/**
 * The words a field prints for a student: the ONE function both the designer's preview and the
 * print use, so what the clerk sees placed is what the printer gets. A value the record lacks is a
 * problem, never an empty blank on a diploma.
 */
export function fieldText(field: TemplateTextField, facts: CertificateFacts): FieldText {
  const label = fieldLabel(field);
  const missing = (): FieldText => ({ ok: false, problem: `缺少${label}` });
  if (field.key === 'text') return field.text && field.text.trim() ? { ok: true, text: field.text } : { ok: false, problem: '固定文字未填写内容' };
  if (DATE_FIELD_KEYS.includes(field.key)) {
    const iso = facts[field.key as 'birthDate' | 'enrolmentDate' | 'graduationDate' | 'issueDate'];
    if (!iso) return missing();
    const r = dateText(iso, field.dateForm === 'arabic' ? 'arabic' : 'numeral');
    return r.ok ? r : { ok: false, problem: `${label}：${r.problem}` };
  }
  if (field.key === 'lengthYears') return facts.lengthYears?.trim() ? { ok: true, text: lengthText(facts.lengthYears) } : missing();
  const value = facts[field.key as Exclude<keyof CertificateFacts, 'birthDate' | 'enrolmentDate' | 'graduationDate' | 'issueDate' | 'lengthYears'>];
  return value && value.trim() ? { ok: true, text: value.trim() } : missing();
}
