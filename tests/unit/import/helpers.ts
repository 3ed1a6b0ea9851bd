import { idCheckChar } from '../../../shared/domain/idcard';

/** A valid 18-digit ID for region + YYYYMMDD + 3-digit sequence (odd = male). */
export function makeId(region: string, ymd: string, seq: string): string {
  const first17 = region + ymd + seq;
  return first17 + idCheckChar(first17);
}

export const AS_OF = new Date(2025, 8, 1);
/** 2005-09-01, sequence 123 → male. */
export const ID_M = makeId('110105', '20050901', '123');
/** 2006-02-28, sequence 246 → female. */
export const ID_F = makeId('440305', '20060228', '246');
