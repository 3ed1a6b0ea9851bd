import Chip from '@mui/material/Chip';
import { TIER_COLOURS } from './tierColours';

/** A warning tier (黄色预警 …) in its colour; none: 无. */
export function TierChip({ label, colour }: { label: string | null; colour: string | null }) {
  if (!label) return <Chip size="small" variant="outlined" label="无" />;
  const c = TIER_COLOURS[colour ?? ''] ?? { bg: '#eef1f5', fg: '#3b4654' };
  return <Chip size="small" label={label} sx={{ bgcolor: c.bg, color: c.fg, fontWeight: 600 }} />;
}
