import { describe, expect, it } from 'vitest';
import { decodeChanges, encodeChanges, type FieldChange } from '../../db/queries/audit';

const created: FieldChange[] = [
  { field: 'studentNo', before: null, after: '2025010101' },
  { field: 'name', before: null, after: '李四' },
  { field: 'classId', before: null, after: 7 },
  { field: 'registered', before: null, after: false },
  { field: 'guardians', before: null, after: '父亲 李大 13900000000' },
];

describe('audit changes as stored', () => {
  it('stores a creation as one object of values, less than half the size, and reads back the same list in order', () => {
    const text = encodeChanges(created);
    expect(JSON.parse(text)).toEqual({ added: { studentNo: '2025010101', name: '李四', classId: 7, registered: false, guardians: '父亲 李大 13900000000' } });
    expect(text.length).toBeLessThan(JSON.stringify(created).length / 2);
    expect(decodeChanges(text)).toEqual(created);
  });

  it('stores a deletion as the values it had', () => {
    const removed = created.map((c) => ({ field: c.field, before: c.after, after: null }));
    expect(Object.keys(JSON.parse(encodeChanges(removed)) as object)).toEqual(['removed']);
    expect(decodeChanges(encodeChanges(removed))).toEqual(removed);
  });

  it('keeps edits, empty lists, repeated fields and undefined values as plain lists', () => {
    const lists: FieldChange[][] = [
      [{ field: 'phone', before: '13900000000', after: '13800000000' }],
      [{ field: 'phone', before: null, after: '1' }, { field: 'notes', before: 'x', after: null }],
      [],
      [{ field: 'guardians', before: null, after: 'a' }, { field: 'guardians', before: null, after: 'b' }],
      [{ field: 'notes', before: null, after: undefined }],
    ];
    for (const list of lists) {
      const text = encodeChanges(list);
      expect(Array.isArray(JSON.parse(text))).toBe(true);
      expect(text).toBe(JSON.stringify(list));
    }
    expect(decodeChanges(encodeChanges(lists[0]!))).toEqual(lists[0]);
  });

  it('reads rows written before the encoding existed', () => {
    expect(decodeChanges(JSON.stringify(created))).toEqual(created);
    expect(decodeChanges('[]')).toEqual([]);
  });
});
