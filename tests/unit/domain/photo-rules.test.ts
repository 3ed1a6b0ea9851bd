import { describe, expect, it } from 'vitest';
import { photoChangeNeedsApproval, photoOutcome } from '../../../shared/domain/photo-rules';

describe('a new photo for a student', () => {
  it('needs approval only when the student is registered and already has one', () => {
    expect(photoChangeNeedsApproval({ registered: true, hasPhoto: true })).toBe(true);
    expect(photoChangeNeedsApproval({ registered: 1, hasPhoto: true })).toBe(true);
    expect(photoChangeNeedsApproval({ registered: true, hasPhoto: false })).toBe(false);
    expect(photoChangeNeedsApproval({ registered: false, hasPhoto: true })).toBe(false);
  });

  it('is set, replaces, or becomes a change request', () => {
    expect(photoOutcome({ registered: false, hasPhoto: false })).toBe('set');
    expect(photoOutcome({ registered: true, hasPhoto: false })).toBe('set');
    expect(photoOutcome({ registered: false, hasPhoto: true })).toBe('replaced');
    expect(photoOutcome({ registered: 1, hasPhoto: true })).toBe('requested');
  });
});
