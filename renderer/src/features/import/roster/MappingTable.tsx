import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { FieldSelect } from './FieldSelect';
import { columnLetter, columnName, columnOfField, sampleValues } from './mappingText';
import type { Inspected, Mapping } from './wizardTypes';

interface Props {
  inspected: Inspected;
  mapping: Mapping;
  /** Columns whose field was guessed from a similar header and not yet looked at by the user. */
  unconfirmed: ReadonlySet<number>;
  onChange: (index: number, field: string | null) => void;
}

const HEAD = { color: 'text.secondary', fontWeight: 500, bgcolor: '#f6f8fb' } as const;

/** 核对列: every column of the file, a few of its values, and the field it goes into. */
export function MappingTable({ inspected, mapping, unconfirmed, onChange }: Props) {
  const { headers, sampleRows } = inspected;
  const usedBy = (field: string) => {
    const at = columnOfField(mapping, field);
    return at === null ? null : columnName(headers, at);
  };
  return (
    <TableContainer sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" aria-label="列对应关系">
        <TableHead>
          <TableRow>
            <TableCell sx={{ ...HEAD, width: '28%' }}>文件中的列</TableCell>
            <TableCell sx={HEAD}>示例</TableCell>
            <TableCell sx={{ ...HEAD, width: 300 }}>对应字段</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {headers.map((_, i) => {
            const field = mapping[String(i)] ?? null;
            const check = unconfirmed.has(i) && field !== null;
            const samples = sampleValues(sampleRows, i);
            const name = columnName(headers, i);
            return (
              <TableRow key={i} sx={{ bgcolor: check ? '#fff8e6' : undefined }}>
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <Box
                      component="span"
                      aria-hidden
                      sx={{ minWidth: 26, px: 0.5, py: 0.1, borderRadius: 0.75, bgcolor: '#e8edf4', color: '#5b6676', fontSize: 12, textAlign: 'center', fontFamily: 'monospace' }}
                    >
                      {columnLetter(i)}
                    </Box>
                    <Typography variant="body2" sx={{ fontWeight: 500, color: field ? 'text.primary' : 'text.secondary', wordBreak: 'break-all' }}>
                      {name}
                    </Typography>
                  </Box>
                </TableCell>
                <TableCell>
                  {samples.length > 0 ? (
                    <Typography variant="body2" title={samples.join('、')} sx={{ color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 360 }}>
                      {samples.join('、')}
                    </Typography>
                  ) : (
                    <Typography variant="body2" sx={{ color: '#a0abb9' }}>
                      （前几行为空）
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <FieldSelect label={`对应字段：${name}`} fields={inspected.fields} value={field} usedBy={usedBy} highlight={check} onChange={(f) => onChange(i, f)} />
                    {check && <Chip size="small" color="warning" label="请确认" sx={{ flexShrink: 0 }} />}
                  </Box>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
