import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { CodeCount } from './issueText';

interface Props {
  counts: readonly CodeCount[];
  total: number;
  selected: string | null;
  onSelect: (code: string | null) => void;
}

/** The kinds of problem found, each a filter for the list below. */
export function IssueTypeChips({ counts, total, selected, onSelect }: Props) {
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="body2" sx={{ color: 'text.secondary', mr: 0.5 }}>
        按问题类型查看：
      </Typography>
      <Chip size="small" label={`全部 ${total}`} color={selected === null ? 'primary' : 'default'} variant={selected === null ? 'filled' : 'outlined'} onClick={() => onSelect(null)} />
      {counts.map((c) => (
        <Chip
          key={c.code}
          size="small"
          label={`${c.description} ${c.count}`}
          color={selected === c.code ? 'primary' : c.severity === 'error' ? 'error' : 'warning'}
          variant={selected === c.code ? 'filled' : 'outlined'}
          onClick={() => onSelect(selected === c.code ? null : c.code)}
        />
      ))}
    </Box>
  );
}
