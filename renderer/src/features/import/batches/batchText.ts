import type { CallOutput } from '../../../../../shared/ipc/contract';

export type Batch = CallOutput<'imports.batches'>[number];
export type PhotoBatch = CallOutput<'photos.batches'>[number];

const MODES: Record<string, string> = { add: '只添加新学生', update: '更新已有学生' };

export function modeLabel(mode: string): string {
  return MODES[mode] ?? mode;
}

/** One line of 导入记录: a file import (roster, grades, plan courses) or a photo import, in the same columns. */
export interface ImportRecord {
  /** Unique across both kinds (their ids are counted separately). */
  key: string;
  id: number;
  kind: 'roster' | 'photos';
  fileName: string;
  createdBy: string;
  createdAt: string;
  /** 方式: how a roster was imported, or 导入照片. */
  way: string;
  /** Rows of the roster, or files of the photo import. */
  count: number;
  /** Students created, or given their first photo. */
  added: number;
  /** Students updated, or whose photo was replaced. */
  updated: number;
  skipped: number;
  undoneAt: string | null;
  undoable: boolean;
  undoBlockedReason: string | null;
  roster?: Batch;
  photos?: PhotoBatch;
}

/** 方式: a roster by how it was imported; the other imports by what they are. */
const WAYS: Partial<Record<Batch['spec'], string>> = { grades: '导入成绩', courses: '导入培养方案课程', fitness: '导入体质健康测试成绩' };
const wayOf = (b: Batch) => WAYS[b.spec] ?? modeLabel(b.mode);

const fromRoster = (b: Batch): ImportRecord => ({
  key: `roster-${b.id}`, id: b.id, kind: 'roster', fileName: b.fileName, createdBy: b.createdBy, createdAt: b.createdAt, way: wayOf(b),
  count: b.rows, added: b.imported, updated: b.updated, skipped: b.skipped, undoneAt: b.undoneAt, undoable: b.undoable, undoBlockedReason: b.undoBlockedReason, roster: b,
});

const fromPhotos = (b: PhotoBatch): ImportRecord => ({
  key: `photos-${b.id}`, id: b.id, kind: 'photos', fileName: b.fileName, createdBy: b.createdBy, createdAt: b.createdAt, way: '导入照片',
  count: b.files, added: b.photosSet, updated: b.photosReplaced, skipped: b.skipped, undoneAt: b.undoneAt, undoable: b.undoable, undoBlockedReason: b.undoBlockedReason, photos: b,
});

/** Both kinds of import, newest first. */
export function importRecords(roster: readonly Batch[], photos: readonly PhotoBatch[]): ImportRecord[] {
  return [...roster.map(fromRoster), ...photos.map(fromPhotos)].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}
