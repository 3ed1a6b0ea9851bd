import { DATE_FIELD_KEYS, TEMPLATE_FORMAT, type CertificateTemplate, type PrinterProfile } from './template';
import { fieldLabel } from './fields';

/**
 * Whether a template can be saved: every field and the photo inside the page, sizes above zero,
 * each date field with its form, each fixed-text field with its words. One Chinese sentence per
 * problem naming the field (第 3 项“姓名”), with the path the designer highlights. Pure: the
 * designer checks as the clerk edits, the main process checks again on save and import.
 */
export interface TemplateProblem {
  path: (string | number)[];
  message: string;
}

/** Paper a printer takes: 50–600 mm a side (A6 to beyond A2), so a typo (2970) is caught. */
export const PAGE_MM = { min: 50, max: 600 } as const;
export const SIZE_PT = { min: 4, max: 72 } as const;
export const LETTER_SPACING_PT = { min: -2, max: 30 } as const;
/** Text height in mm for the page-bottom check: the font size itself (1 pt = 25.4/72 mm). */
const ptToMm = (pt: number) => (pt * 25.4) / 72;
const r1 = (n: number) => Math.round(n * 10) / 10;

export function templateProblems(t: CertificateTemplate): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const add = (path: (string | number)[], message: string) => out.push({ path, message });
  if (t.format !== TEMPLATE_FORMAT) add(['format'], `模板格式版本 ${String(t.format)} 无法识别`);
  if (!t.name.trim()) add(['name'], '请填写模板名称');
  else if (t.name.trim().length > 40) add(['name'], '模板名称不能超过 40 个字');
  const { widthMm: W, heightMm: H } = t.page;
  const pageOk = [W, H].every((v) => Number.isFinite(v) && v >= PAGE_MM.min && v <= PAGE_MM.max);
  if (!pageOk) add(['page', 'widthMm'], `纸张尺寸应在 ${PAGE_MM.min}–${PAGE_MM.max} 毫米之间（现为 ${W}×${H} 毫米）`);
  const ids = new Set<string>();
  t.fields.forEach((f, i) => {
    const who = `第 ${i + 1} 项“${fieldLabel(f)}”`;
    const at = (k: string) => ['fields', i, k];
    if (!f.id || ids.has(f.id)) add(at('id'), `${who}的编号重复或为空`);
    ids.add(f.id);
    if (!(f.widthMm > 0)) add(at('widthMm'), `${who}的宽度应大于 0`);
    if (!(f.sizePt >= SIZE_PT.min && f.sizePt <= SIZE_PT.max)) add(at('sizePt'), `${who}的字号应在 ${SIZE_PT.min}–${SIZE_PT.max} 磅之间`);
    if (!(f.letterSpacingPt >= LETTER_SPACING_PT.min && f.letterSpacingPt <= LETTER_SPACING_PT.max)) {
      add(at('letterSpacingPt'), `${who}的字间距应在 ${LETTER_SPACING_PT.min}–${LETTER_SPACING_PT.max} 磅之间`);
    }
    if (f.xMm < 0 || f.yMm < 0) add(at('xMm'), `${who}超出纸张左边或上边`);
    if (pageOk && f.widthMm > 0 && f.xMm + f.widthMm > W + 1e-9) add(at('widthMm'), `${who}超出纸张右边（右端 ${r1(f.xMm + f.widthMm)} 毫米，纸宽 ${W} 毫米）`);
    if (pageOk && f.sizePt > 0 && f.yMm + ptToMm(f.sizePt) > H + 1e-9) add(at('yMm'), `${who}超出纸张下边`);
    if (DATE_FIELD_KEYS.includes(f.key) && !f.dateForm) add(at('dateForm'), `${who}请选择日期写法（二〇〇五年九月一日 或 2005年9月1日）`);
    if (!DATE_FIELD_KEYS.includes(f.key) && f.dateForm) add(at('dateForm'), `${who}不是日期，不需要日期写法`);
    if (f.key === 'text' && !f.text?.trim()) add(at('text'), `第 ${i + 1} 项固定文字请填写内容`);
    if (f.key !== 'text' && f.text !== undefined) add(at('text'), `${who}的内容来自学生档案，不能填写固定文字`);
  });
  const p = t.photo;
  if (p) {
    if (!(p.widthMm > 0 && p.heightMm > 0)) add(['photo', 'widthMm'], '照片框的宽度和高度应大于 0');
    else if (p.xMm < 0 || p.yMm < 0 || (pageOk && (p.xMm + p.widthMm > W + 1e-9 || p.yMm + p.heightMm > H + 1e-9))) add(['photo', 'xMm'], '照片框超出纸张');
  }
  return out;
}

/** 打印机校准 ranges: a printer is off by a few mm and a fraction of a percent, never more. */
export const PROFILE_LIMITS = { offsetMm: 20, scaleMin: 0.95, scaleMax: 1.05 } as const;

export function profileProblems(p: PrinterProfile): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (!p.name.trim()) out.push({ path: ['name'], message: '请填写校准方案名称（如 办公室 HP 打印机 手动进纸）' });
  else if (p.name.trim().length > 40) out.push({ path: ['name'], message: '校准方案名称不能超过 40 个字' });
  for (const [k, label] of [['offsetXMm', '左右偏移'], ['offsetYMm', '上下偏移']] as const) {
    if (!(Math.abs(p[k]) <= PROFILE_LIMITS.offsetMm)) out.push({ path: [k], message: `${label}应在 ±${PROFILE_LIMITS.offsetMm} 毫米之内` });
  }
  for (const [k, label] of [['scaleX', '横向缩放'], ['scaleY', '纵向缩放']] as const) {
    if (!(p[k] >= PROFILE_LIMITS.scaleMin && p[k] <= PROFILE_LIMITS.scaleMax)) out.push({ path: [k], message: `${label}应在 ${PROFILE_LIMITS.scaleMin}–${PROFILE_LIMITS.scaleMax} 之间` });
  }
  return out;
}
