import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { missingRequired } from '../../../../../shared/domain/import/catalogue';
import { IMPORT_SPECS, type ImportSpecId } from '../../../../../shared/domain/import/specs';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { MappingTable } from './MappingTable';
import { MissingFieldsAlert } from './MissingFieldsAlert';
import { StepFooter } from './StepFooter';
import { UploadError } from './UploadError';
import type { Inspected, Mapping } from './wizardTypes';

interface Props {
  spec: ImportSpecId;
  inspected: Inspected | null;
  loading: boolean;
  error: AppErrorData | null;
  mapping: Mapping;
  unconfirmed: ReadonlySet<number>;
  onChange: (index: number, field: string | null) => void;
  onBack: () => void;
  onNext: () => void;
  onRestart: () => void;
}

/** Step 3 — 核对列: which column of the file goes into which field. */
export function MappingStep({ spec, inspected, loading, error, mapping, unconfirmed, onChange, onBack, onNext, onRestart }: Props) {
  if (loading) return <LoadingBlock label="正在分析表头…" />;
  const mapped = Object.values(mapping).filter((f): f is string => Boolean(f));
  // As the columns are now set (the spec's rules: 出生日期 from the ID number, 学号 or 身份证号…).
  const missing = inspected ? missingRequired(IMPORT_SPECS[spec].catalogue, mapped) : [];
  const toConfirm = [...unconfirmed].filter((i) => mapping[String(i)]).length;
  return (
    <Box>
      <Stack spacing={2}>
        <UploadError error={error} onRestart={onRestart} />
        {inspected && (
          <>
            <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'baseline' }}>
              <Typography variant="body2">
                表头位于第 <b>{inspected.headerRow}</b> 行，其下共 <b>{inspected.dataRows}</b> 行数据。
              </Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                将导入 {mapped.length} 列，{inspected.headers.length - mapped.length} 列不导入
                {toConfirm > 0 ? `；${toConfirm} 列是按相近的表头推测的，请确认` : ''}。
              </Typography>
            </Box>
            <MissingFieldsAlert fields={missing} catalogue={inspected.fields} />
            <MappingTable inspected={inspected} mapping={mapping} unconfirmed={unconfirmed} onChange={onChange} />
          </>
        )}
      </Stack>
      <StepFooter onBack={onBack}>
        <Button variant="contained" endIcon={<ArrowForwardOutlined />} onClick={onNext} disabled={!inspected || mapped.length === 0}>
          下一步
        </Button>
      </StepFooter>
    </Box>
  );
}
