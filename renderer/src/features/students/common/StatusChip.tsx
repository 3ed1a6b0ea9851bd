import Chip from '@mui/material/Chip';
import { statusName, statusTone, type StatusTone } from './codeNames';

const TONES: Record<StatusTone, { bg: string; fg: string }> = {
  success: { bg: '#e3f3e8', fg: '#1e6b3a' },
  warning: { bg: '#fdf0d9', fg: '#8a5300' },
  info: { bg: '#e3ecf8', fg: '#1f4e8c' },
  error: { bg: '#fbe4e4', fg: '#a32020' },
  neutral: { bg: '#eceff3', fg: '#4a5565' },
};

/** 学籍状态 as a small coloured label. */
export function StatusChip({ status, size = 'small' }: { status: string; size?: 'small' | 'medium' }) {
  const tone = TONES[statusTone(status)];
  return <Chip size={size} label={statusName(status)} sx={{ bgcolor: tone.bg, color: tone.fg, fontWeight: 500, borderRadius: 1.5 }} />;
}
