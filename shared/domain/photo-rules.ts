/**
 * When a student's photo may be replaced at once and when only through a change request (信息变更
 * 申请). Once a student is registered (已注册学籍) the photo on file is a locked key field like
 * 姓名 or 身份证号: replacing it needs someone else's approval. A first photo has nothing to lock
 * and is saved at once. The same rule for the photo import, the profile and the UI's wording.
 */
export function photoChangeNeedsApproval(s: { registered: boolean | number; hasPhoto: boolean }): boolean {
  return Boolean(s.registered) && s.hasPhoto;
}

/** What a new photo does to the student: set (first one), replaced, or a change request filed. */
export type PhotoOutcome = 'set' | 'replaced' | 'requested';

export function photoOutcome(s: { registered: boolean | number; hasPhoto: boolean }): PhotoOutcome {
  if (photoChangeNeedsApproval(s)) return 'requested';
  return s.hasPhoto ? 'replaced' : 'set';
}
