import { diffFields } from '../../../../db/queries/audit';
import { getClass, getClassByName, getMajor, getMajorByCode, insertClass, insertMajor, listClasses, listMajors, updateClassRow, updateMajorRow } from '../../../../db/queries/org';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';

const MAJOR_FIELDS = ['code', 'name', 'level', 'lengthYears', 'studyForm'] as const;
const CLASS_FIELDS = ['name', 'majorId', 'cohortYear', 'headTeacher', 'establishedOn', 'lengthYears', 'classType'] as const;

const majorDto = (ctx: CallContext, id: number) => listMajors(ctx.db()).find((m) => m.id === id)!;
const classDto = (ctx: CallContext, id: number) => listClasses(ctx.db()).find((c) => c.id === id)!;

export const orgHandlers: FeatureHandlers<'org'> = {
  'org.tree': (_input, ctx) => {
    const classes = listClasses(ctx.db());
    return { majors: listMajors(ctx.db()), classes, cohorts: [...new Set(classes.map((c) => c.cohortYear))].sort((a, b) => b - a) };
  },

  'org.createMajor': (input, ctx) => {
    if (getMajorByCode(ctx.db(), input.code)) throw new AppError('CONFLICT', `专业代码 ${input.code} 已存在`, 'code');
    const now = new Date(ctx.core.now()).toISOString();
    const m = ctx.write((db) => {
      const row = insertMajor(db, { ...input, createdAt: now, updatedAt: now });
      return { value: row, audit: [{ action: 'org.createMajor', entity: 'major', entityId: row.id, summary: `新建专业 ${row.code} ${row.name}`, changes: diffFields(null, row, [...MAJOR_FIELDS]) }] };
    });
    return majorDto(ctx, m.id);
  },

  'org.updateMajor': ({ id, ...patch }, ctx) => {
    const before = getMajor(ctx.db(), id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该专业');
    if (patch.code && patch.code !== before.code && getMajorByCode(ctx.db(), patch.code)) throw new AppError('CONFLICT', `专业代码 ${patch.code} 已存在`, 'code');
    ctx.write((db) => {
      const after = updateMajorRow(db, id, { ...patch, updatedAt: new Date(ctx.core.now()).toISOString() });
      return { value: after, audit: [{ action: 'org.updateMajor', entity: 'major', entityId: id, summary: `修改专业 ${after.name}`, changes: diffFields(before, after, [...MAJOR_FIELDS]) }] };
    });
    return majorDto(ctx, id);
  },

  'org.createClass': (input, ctx) => {
    const db = ctx.db();
    const major = getMajor(db, input.majorId);
    if (!major) throw new AppError('VALIDATION', '所选专业不存在', 'majorId');
    if (getClassByName(db, input.name)) throw new AppError('CONFLICT', `班级“${input.name}”已存在`, 'name');
    const now = new Date(ctx.core.now()).toISOString();
    const c = ctx.write((tx) => {
      const row = insertClass(tx, {
        name: input.name, majorId: input.majorId, cohortYear: input.cohortYear, headTeacher: input.headTeacher ?? null,
        establishedOn: input.establishedOn ?? `${input.cohortYear}-09`, lengthYears: input.lengthYears ?? major.lengthYears,
        classType: input.classType || '普通班', createdAt: now, updatedAt: now,
      });
      return { value: row, audit: [{ action: 'org.createClass', entity: 'class', entityId: row.id, summary: `新建班级 ${row.name}`, changes: diffFields(null, row, [...CLASS_FIELDS]) }] };
    });
    return classDto(ctx, c.id);
  },

  'org.updateClass': ({ id, ...patch }, ctx) => {
    const db = ctx.db();
    const before = getClass(db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该班级');
    if (patch.name && patch.name !== before.name && getClassByName(db, patch.name)) throw new AppError('CONFLICT', `班级“${patch.name}”已存在`, 'name');
    if (patch.majorId && !getMajor(db, patch.majorId)) throw new AppError('VALIDATION', '所选专业不存在', 'majorId');
    ctx.write((tx) => {
      const after = updateClassRow(tx, id, { ...patch, updatedAt: new Date(ctx.core.now()).toISOString() });
      return { value: after, audit: [{ action: 'org.updateClass', entity: 'class', entityId: id, summary: `修改班级 ${after.name}`, changes: diffFields(before, after, [...CLASS_FIELDS]) }] };
    });
    return classDto(ctx, id);
  },
};
