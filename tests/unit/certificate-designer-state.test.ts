/**
 * The certificate designer's state (renderer/src/features/certificatePrint/designer/designerState.ts):
 * nudges in exact tenths of a millimetre, a burst of nudges or of typing in one box undone at once,
 * drags and other edits one step each, redo, and the selection surviving only while its field exists.
 */
import { describe, expect, it } from 'vitest';
import type { CertificateTemplate } from '../../shared/domain/certificates/template';
import {
  canRedo, canUndo, designerReducer as r, initialState, isDirty, newFieldId, nudgeOf, PHOTO, type DesignerState,
} from '../../renderer/src/features/certificatePrint/designer/designerState';

const T: CertificateTemplate = {
  format: 1,
  name: '毕业证书',
  kind: '毕业证书',
  page: { widthMm: 297, heightMm: 210 },
  fields: [
    { id: 'f1', key: 'name', xMm: 30, yMm: 40, widthMm: 40, font: 'serif', sizePt: 14, align: 'left', letterSpacingPt: 0 },
    { id: 'f2', key: 'birthDate', xMm: 30, yMm: 50, widthMm: 60, font: 'serif', sizePt: 12, align: 'left', letterSpacingPt: 0, dateForm: 'numeral' },
  ],
  photo: { xMm: 20, yMm: 60, widthMm: 33, heightMm: 48 },
};
const field = (s: DesignerState, id = 'f1') => s.current.fields.find((f) => f.id === id)!;
const press = (s: DesignerState, key: string, shift: boolean, times: number) => {
  for (let i = 0; i < times; i++) s = r(s, { type: 'nudge', ...nudgeOf(key, shift)! });
  return s;
};

describe('certificate designer state', () => {
  it('nudges by exact tenths (0.1 mm, 1 mm with Shift) and undoes the burst at once', () => {
    let s = r(initialState(T), { type: 'select', selected: 'f1' });
    s = press(s, 'ArrowRight', false, 5);
    s = press(s, 'ArrowDown', true, 2);
    expect(field(s).xMm).toBe(30.5);
    expect(field(s).yMm).toBe(42);
    expect(isDirty(s)).toBe(true);
    s = r(s, { type: 'undo' });
    expect([field(s).xMm, field(s).yMm]).toEqual([30, 40]);
    expect(isDirty(s)).toBe(false);
    expect(canUndo(s)).toBe(false);
    s = r(s, { type: 'redo' });
    expect([field(s).xMm, field(s).yMm]).toEqual([30.5, 42]);
    expect(canRedo(s)).toBe(false);
  });

  it('0.1 added ten times is 1.0 exactly (no floating-point drift on the readout)', () => {
    let s = r(initialState(T), { type: 'select', selected: 'f1' });
    s = press(s, 'ArrowLeft', false, 3);
    expect(field(s).xMm).toBe(29.7);
    s = press(s, 'ArrowRight', false, 13);
    expect(field(s).xMm).toBe(31);
  });

  it('a new selection, a drag or another edit starts a new undo step', () => {
    let s = r(initialState(T), { type: 'select', selected: 'f1' });
    s = press(s, 'ArrowRight', false, 2);
    s = r(s, { type: 'select', selected: PHOTO });
    s = press(s, 'ArrowUp', true, 1);
    expect(s.current.photo!.yMm).toBe(59);
    s = r(s, { type: 'moveTo', id: 'f2', xMm: 100.04, yMm: 20.06 });
    expect([field(s, 'f2').xMm, field(s, 'f2').yMm]).toEqual([100, 20.1]);
    s = r(s, { type: 'undo' });
    expect(field(s, 'f2').xMm).toBe(30);
    s = r(s, { type: 'undo' });
    expect(s.current.photo!.yMm).toBe(60);
    expect(field(s).xMm).toBe(30.2);
    s = r(s, { type: 'undo' });
    expect(field(s).xMm).toBe(30);
  });

  it('typing in one property box is one step; a different property is another', () => {
    let s = initialState(T);
    for (const size of [1, 16]) s = r(s, { type: 'editField', id: 'f1', patch: { sizePt: size }, burst: 'sizePt' });
    s = r(s, { type: 'editField', id: 'f1', patch: { font: 'sans' } });
    expect(field(s)).toMatchObject({ sizePt: 16, font: 'sans' });
    s = r(s, { type: 'undo' });
    expect(field(s)).toMatchObject({ sizePt: 16, font: 'serif' });
    s = r(s, { type: 'undo' });
    expect(field(s).sizePt).toBe(14);
  });

  it('adds and removes fields; the selection goes when its field does', () => {
    let s = initialState(T);
    const id = newFieldId(s.current);
    expect(id).toBe('f3');
    s = r(s, { type: 'addField', field: { ...T.fields[0]!, id, key: 'text', text: '（此证书仅供测试）' } });
    expect(s.selected).toBe('f3');
    s = r(s, { type: 'undo' });
    expect(s.selected).toBeNull();
    s = r(s, { type: 'redo' });
    s = r(s, { type: 'select', selected: 'f3' });
    s = r(s, { type: 'removeSelected' });
    expect(s.current.fields.map((f) => f.id)).toEqual(['f1', 'f2']);
    s = r(s, { type: 'saved', template: s.current });
    expect(isDirty(s)).toBe(false);
    expect(canUndo(s)).toBe(true);
  });

  it('nudging with nothing selected changes nothing', () => {
    const s = press(initialState(T), 'ArrowRight', false, 3);
    expect(s.current).toBe(T);
    expect(nudgeOf('a', false)).toBeNull();
  });
});
