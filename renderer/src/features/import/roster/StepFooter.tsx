import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

interface Props {
  onBack?: (() => void) | undefined;
  backLabel?: string;
  disabled?: boolean;
  children?: ReactNode;
}

/** The bottom row of a wizard step: 上一步 on the left, the way forward on the right. */
export function StepFooter({ onBack, backLabel = '上一步', disabled = false, children }: Props) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 3, pt: 2, borderTop: '1px solid', borderColor: 'divider', flexWrap: 'wrap' }}>
      {onBack && (
        <Button startIcon={<ArrowBackOutlined />} onClick={onBack} disabled={disabled}>
          {backLabel}
        </Button>
      )}
      <Box sx={{ flexGrow: 1 }} />
      {children}
    </Box>
  );
}
