import GradingOutlined from '@mui/icons-material/GradingOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { TranscriptDialog } from './TranscriptDialog';

/** 成绩单 on the student profile: preview (中文 / 英文) and, for the clerk, print. */
export function TranscriptButton({ studentId, name }: { studentId: number; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<GradingOutlined />} onClick={() => setOpen(true)}>
        成绩单
      </Button>
      {open && <TranscriptDialog target={{ studentId, name }} onClose={() => setOpen(false)} />}
    </>
  );
}
