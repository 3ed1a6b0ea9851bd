import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CallOutput } from '../../../../shared/ipc/contract';

type Sheet = CallOutput<'transcripts.preview'>['sheet'];

/** The transcript's words as the PDF prints them (the same sheet from the main process), for 预览. */
export function TranscriptSheetView({ sheet }: { sheet: Sheet }) {
  const sep = sheet.lang === 'zh' ? '：' : ': ';
  return (
    <Box aria-label="成绩单预览" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: '#fff' }}>
      <Typography align="center" sx={{ fontWeight: 700, fontSize: 18 }}>{sheet.school}</Typography>
      <Typography align="center" variant="body2">{sheet.department}</Typography>
      <Typography align="center" sx={{ fontWeight: 700, my: 1 }}>{sheet.title}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', columnGap: 2, mb: 1 }}>
        {sheet.identity.map((p) => (
          <Typography key={p.label} variant="body2"><b>{p.label}{sep}</b>{p.value}</Typography>
        ))}
      </Box>
      <Table size="small" sx={{ '& td, & th': { border: 1, borderColor: 'grey.400', py: 0.25, px: 0.75, fontSize: 12 } }}>
        <TableHead>
          <TableRow sx={{ bgcolor: 'grey.100' }}>
            {sheet.columns.map((c) => <TableCell key={c.key} align="center" sx={{ fontWeight: 700 }}>{c.label}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {sheet.terms.flatMap((t) => [
            <TableRow key={t.term} sx={{ bgcolor: 'grey.50' }}>
              <TableCell colSpan={sheet.columns.length} sx={{ fontWeight: 700 }}>{t.label}</TableCell>
            </TableRow>,
            ...t.rows.map((r) => (
              <TableRow key={`${t.term}-${r.code}`}>
                {sheet.columns.map((c) => (
                  <TableCell key={c.key} align={c.key === 'code' || c.key === 'name' ? 'left' : 'center'}>{r[c.key as keyof typeof r]}</TableCell>
                ))}
              </TableRow>
            )),
          ])}
          <TableRow>
            <TableCell colSpan={sheet.columns.length} align="center">{sheet.blank}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography sx={{ fontWeight: 700, mt: 1 }}>{sheet.totals.map((t) => `${t.label}${sep}${t.value}`).join('　　')}</Typography>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>{sheet.note}</Typography>
    </Box>
  );
}
