import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { IMPORT_SPECS, type ImportSpecId } from '../../../../../shared/domain/import/specs';
import { StepFooter } from './StepFooter';
import type { ChosenFile } from './wizardTypes';

interface Props {
  spec: ImportSpecId;
  file: ChosenFile;
  sheet: string;
  onChange: (sheet: string) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2 — 选择工作表: a workbook may hold several; the one with the import's table (学生名单) is picked here. */
export function SheetStep({ spec, file, sheet, onChange, onBack, onNext }: Props) {
  const sheets = file.opened.sheets;
  const chosen = sheets.find((s) => s.name === sheet);
  return (
    <Box>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        “{file.fileName}”中有 {sheets.length} 个工作表，请选择{IMPORT_SPECS[spec].label}所在的工作表。
      </Typography>
      <Box sx={{ maxWidth: 420 }}>
        <TextField select label="工作表" value={chosen ? sheet : ''} onChange={(e) => onChange(e.target.value)} helperText={chosen && chosen.rows === 0 ? '该工作表是空的，请选择其他工作表' : ' '}>
          {sheets.map((s) => (
            <MenuItem key={s.name} value={s.name}>
              {s.name}（{s.rows > 0 ? `${s.rows} 行` : '空'}）
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <StepFooter onBack={onBack}>
        <Button variant="contained" endIcon={<ArrowForwardOutlined />} onClick={onNext} disabled={!chosen || chosen.rows === 0}>
          下一步
        </Button>
      </StepFooter>
    </Box>
  );
}
