/** 打印机校准 profiles: each printer's offset and scale, measured from the calibration sheet. Audited. */
import { deleteProfile, getProfile, listProfiles, putProfile } from '../../../../db/queries/certificate-templates';
import type { PrinterProfile } from '../../../../shared/domain/certificates/template';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';

const describe = (p: PrinterProfile) => `左右 ${p.offsetXMm} 毫米，上下 ${p.offsetYMm} 毫米，缩放 ${p.scaleX}×${p.scaleY}`;

export function saveProfile(ctx: CallContext, input: { profile: PrinterProfile; previousName?: string | undefined }) {
  const p = { ...input.profile, name: input.profile.name.trim() };
  return ctx.write((db, who) => {
    const before = input.previousName !== undefined ? getProfile(db, input.previousName) : null;
    if (input.previousName !== undefined && !before) throw new AppError('NOT_FOUND', `找不到校准方案“${input.previousName}”，可能已被删除`, 'previousName');
    if (p.name !== input.previousName && getProfile(db, p.name)) throw new AppError('CONFLICT', `已有名为“${p.name}”的校准方案，请换一个名称`, 'profile.name');
    putProfile(db, p, who.username, new Date(ctx.core.now()).toISOString(), input.previousName);
    return {
      value: listProfiles(db),
      audit: [{
        action: 'printerProfiles.save', entity: 'printerProfile', entityId: p.name, summary: `${before ? '修改' : '新建'}打印机校准“${p.name}”（${describe(p)}）`,
        changes: [{ field: 'profile', before: before ? describe(before) : null, after: describe(p) }],
      }],
    };
  });
}

export function removeProfile(ctx: CallContext, name: string) {
  return ctx.write((db) => {
    const before = getProfile(db, name);
    if (!before) throw new AppError('NOT_FOUND', `找不到校准方案“${name}”，可能已被删除`, 'name');
    deleteProfile(db, name);
    return { value: listProfiles(db), audit: [{ action: 'printerProfiles.delete', entity: 'printerProfile', entityId: name, summary: `删除打印机校准“${name}”`, changes: [{ field: 'profile', before: describe(before), after: null }] }] };
  });
}

/** The profile a print or calibration sheet uses: the named one, or none (未校准). */
export function profileFor(ctx: CallContext, name: string | undefined): PrinterProfile | null {
  if (name === undefined) return null;
  const p = getProfile(ctx.db(), name);
  if (!p) throw new AppError('NOT_FOUND', `找不到校准方案“${name}”，可能已被删除`, 'profileName');
  return { name: p.name, offsetXMm: p.offsetXMm, offsetYMm: p.offsetYMm, scaleX: p.scaleX, scaleY: p.scaleY };
}
