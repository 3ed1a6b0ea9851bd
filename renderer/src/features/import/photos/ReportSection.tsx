import ExpandLessOutlined from '@mui/icons-material/ExpandLessOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';

type Tone = 'success' | 'info' | 'warning' | 'error';

interface Props {
  title: string;
  count: number;
  tone: Tone;
  hint?: string;
  defaultOpen?: boolean;
  children: ReactNode;
}

const BAR: Record<Tone, string> = { success: '#2e7d32', info: '#1f4e8c', warning: '#ed6c02', error: '#d32f2f' };

/** One list of the photo report, under its own heading, that can be folded away. */
export function ReportSection({ title, count, tone, hint, defaultOpen = false, children }: Props) {
  const [open, setOpen] = useState(defaultOpen && count > 0);
  const bodyId = useId();
  const empty = count === 0;
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ overflow: 'hidden', borderLeft: '4px solid', borderLeftColor: empty ? 'divider' : BAR[tone] }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, cursor: empty ? 'default' : 'pointer' }} onClick={() => !empty && setOpen((o) => !o)}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, color: empty ? 'text.secondary' : 'text.primary' }}>
          {title}
        </Typography>
        <Chip size="small" label={count} color={empty ? 'default' : tone} variant={empty ? 'outlined' : 'filled'} />
        {hint && !empty && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {hint}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {empty ? (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            无
          </Typography>
        ) : (
          <IconButton
            size="small"
            aria-label={open ? `收起${title}` : `展开${title}`}
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={(e) => {
              e.stopPropagation();
              setOpen((o) => !o);
            }}
          >
            {open ? <ExpandLessOutlined /> : <ExpandMoreOutlined />}
          </IconButton>
        )}
      </Box>
      {!empty && (
        <Collapse in={open} id={bodyId}>
          <Box sx={{ borderTop: '1px solid', borderColor: 'divider' }}>{children}</Box>
        </Collapse>
      )}
    </Paper>
  );
}
