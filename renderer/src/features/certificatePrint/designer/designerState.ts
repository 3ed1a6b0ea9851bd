import type { CertificateTemplate, TemplatePhotoBox, TemplateTextField } from '../../../../../shared/domain/certificates/template';

/**
 * The designer's state: the template being edited, what is selected, and undo/redo as whole
 * template snapshots (a template is a few dozen numbers, so snapshots are cheap and exact).
 * Positions are kept to 0.1 mm — the designer's finest step — so 30.1 + 0.1 is 30.2, not 30.200000000000003.
 */
export type Selection = string | 'photo' | null;

export interface DesignerState {
  /** As last loaded or saved: what "未保存的修改" compares with. */
  saved: CertificateTemplate;
  current: CertificateTemplate;
  past: CertificateTemplate[];
  future: CertificateTemplate[];
  selected: Selection;
  /**
   * Edits of one kind in a row join one undo step: consecutive arrow-key nudges of one selection
   * (one Ctrl+Z takes the whole burst back), or typing in one property box. Any other edit, or
   * selecting something else, starts a new step.
   */
  burst: string | null;
}

export const PHOTO: 'photo' = 'photo';
const UNDO_LIMIT = 200;

export const tenth = (n: number): number => Math.round(n * 10) / 10;

export function initialState(template: CertificateTemplate): DesignerState {
  return { saved: template, current: template, past: [], future: [], selected: null, burst: null };
}

export const isDirty = (s: DesignerState): boolean => JSON.stringify(s.saved) !== JSON.stringify(s.current);
export const canUndo = (s: DesignerState): boolean => s.past.length > 0;
export const canRedo = (s: DesignerState): boolean => s.future.length > 0;

export type DesignerAction =
  | { type: 'load'; template: CertificateTemplate }
  | { type: 'saved'; template: CertificateTemplate }
  | { type: 'select'; selected: Selection }
  | { type: 'nudge'; dxMm: number; dyMm: number }
  /** A drag ends: the selection moved to this top-left (one undo step). */
  | { type: 'moveTo'; id: Selection; xMm: number; yMm: number }
  /** `burst`: a key (the property being typed in) whose edits in a row make one undo step. */
  | { type: 'editField'; id: string; patch: Partial<TemplateTextField>; burst?: string }
  | { type: 'editPhoto'; patch: Partial<TemplatePhotoBox>; burst?: string }
  | { type: 'editTemplate'; patch: Partial<Pick<CertificateTemplate, 'name' | 'kind' | 'page' | 'photo'>>; burst?: string }
  | { type: 'addField'; field: TemplateTextField }
  | { type: 'removeSelected' }
  | { type: 'undo' }
  | { type: 'redo' };

/** The top-left of what is selected, or null. */
export function selectedBox(t: CertificateTemplate, sel: Selection): { xMm: number; yMm: number } | null {
  if (sel === PHOTO) return t.photo;
  return t.fields.find((f) => f.id === sel) ?? null;
}

function placed(t: CertificateTemplate, sel: Selection, xMm: number, yMm: number): CertificateTemplate {
  const x = tenth(xMm);
  const y = tenth(yMm);
  if (sel === PHOTO) return t.photo ? { ...t, photo: { ...t.photo, xMm: x, yMm: y } } : t;
  return { ...t, fields: t.fields.map((f) => (f.id === sel ? { ...f, xMm: x, yMm: y } : f)) };
}

/**
 * A new step: the current template goes on the undo stack, redo is forgotten. Within a burst (the
 * same key as the edit before) the current snapshot is replaced instead: the step began earlier.
 */
function step(s: DesignerState, next: CertificateTemplate, burst: string | null = null): DesignerState {
  if (JSON.stringify(next) === JSON.stringify(s.current)) return s;
  if (burst !== null && s.burst === burst && s.past.length > 0) return { ...s, current: next, future: [] };
  return { ...s, past: [...s.past, s.current].slice(-UNDO_LIMIT), future: [], current: next, burst };
}

/** Selections that no longer exist (after undo of an add, say) are dropped. */
function keepSelection(t: CertificateTemplate, sel: Selection): Selection {
  if (sel === PHOTO) return t.photo ? PHOTO : null;
  return sel && t.fields.some((f) => f.id === sel) ? sel : null;
}

export function designerReducer(s: DesignerState, a: DesignerAction): DesignerState {
  switch (a.type) {
    case 'load':
      return initialState(a.template);
    case 'saved':
      return { ...s, saved: a.template, current: a.template, burst: null };
    case 'select':
      return s.selected === a.selected ? s : { ...s, selected: a.selected, burst: null };
    case 'nudge': {
      const box = selectedBox(s.current, s.selected);
      if (!box) return s;
      return step(s, placed(s.current, s.selected, box.xMm + a.dxMm, box.yMm + a.dyMm), `nudge:${s.selected}`);
    }
    case 'moveTo':
      return step(s, placed(s.current, a.id, a.xMm, a.yMm));
    case 'editField':
      return step(s, { ...s.current, fields: s.current.fields.map((f) => (f.id === a.id ? { ...f, ...a.patch } : f)) }, a.burst ? `field:${a.id}:${a.burst}` : null);
    case 'editPhoto':
      return s.current.photo ? step(s, { ...s.current, photo: { ...s.current.photo, ...a.patch } }, a.burst ? `photo:${a.burst}` : null) : s;
    case 'editTemplate': {
      const next = step(s, { ...s.current, ...a.patch }, a.burst ? `template:${a.burst}` : null);
      return { ...next, selected: keepSelection(next.current, next.selected) };
    }
    case 'addField': {
      const next = step(s, { ...s.current, fields: [...s.current.fields, a.field] });
      return { ...next, selected: a.field.id };
    }
    case 'removeSelected': {
      if (s.selected === PHOTO) return { ...step(s, { ...s.current, photo: null }), selected: null };
      if (!s.selected) return s;
      return { ...step(s, { ...s.current, fields: s.current.fields.filter((f) => f.id !== s.selected) }), selected: null };
    }
    case 'undo': {
      const prev = s.past[s.past.length - 1];
      if (!prev) return s;
      return { ...s, past: s.past.slice(0, -1), future: [s.current, ...s.future], current: prev, burst: null, selected: keepSelection(prev, s.selected) };
    }
    case 'redo': {
      const next = s.future[0];
      if (!next) return s;
      return { ...s, past: [...s.past, s.current], future: s.future.slice(1), current: next, burst: null, selected: keepSelection(next, s.selected) };
    }
  }
}

/** An id not used by any field of the template. */
export function newFieldId(t: CertificateTemplate): string {
  let n = t.fields.length + 1;
  while (t.fields.some((f) => f.id === `f${n}`)) n += 1;
  return `f${n}`;
}

/** The arrow key's step: 0.1 mm, 1 mm with Shift. Null for other keys. */
export function nudgeOf(key: string, shift: boolean): { dxMm: number; dyMm: number } | null {
  const d = shift ? 1 : 0.1;
  switch (key) {
    case 'ArrowLeft':
      return { dxMm: -d, dyMm: 0 };
    case 'ArrowRight':
      return { dxMm: d, dyMm: 0 };
    case 'ArrowUp':
      return { dxMm: 0, dyMm: -d };
    case 'ArrowDown':
      return { dxMm: 0, dyMm: d };
    default:
      return null;
  }
}
