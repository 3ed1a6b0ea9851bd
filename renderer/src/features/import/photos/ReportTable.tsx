import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { SimpleTable, type Column } from '../../students/profile/SimpleTable';

interface Props<T> {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
}

const FIRST = 100;

/** A report list; long ones show their first rows until asked for all. */
export function ReportTable<T>({ label, columns, rows }: Props<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST);
  return (
    <Box sx={{ maxHeight: 480, overflow: 'auto' }}>
      <SimpleTable label={label} columns={columns} rows={shown} rowKey={(_, i) => i} empty="无" />
      {!all && rows.length > FIRST && (
        <Box sx={{ p: 1, textAlign: 'center' }}>
          <Button size="small" onClick={() => setAll(true)}>
            显示全部 {rows.length} 条
          </Button>
        </Box>
      )}
    </Box>
  );
}
