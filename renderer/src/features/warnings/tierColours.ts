/** The colours a tier's chip is drawn in (the rule set names them; these are the screen's shades). */
export const TIER_COLOURS: Record<string, { bg: string; fg: string }> = {
  green: { bg: '#e3f4e8', fg: '#1e6b3a' },
  blue: { bg: '#e3eefb', fg: '#1f4e8c' },
  yellow: { bg: '#fff4c2', fg: '#7a5a00' },
  orange: { bg: '#ffe3cc', fg: '#9a4300' },
  red: { bg: '#fde2e2', fg: '#a32020' },
};

export const CHANGE_LABELS = { new: '新增', raised: '升级', lowered: '降级', cleared: '解除', same: '不变' } as const;
