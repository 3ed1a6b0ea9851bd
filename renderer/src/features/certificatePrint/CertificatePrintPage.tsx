import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { CalibrationTab } from './calibration/CalibrationTab';
import { DesignerTab } from './designer/DesignerTab';
import { PrintTab } from './print/PrintTab';

const TABS = [
  { key: 'design', label: '模板设计' },
  { key: 'calibrate', label: '打印机校准' },
  { key: 'print', label: '打印证书' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/**
 * /certificate-print — 证书套打: the template designer, printer calibration, and the batch print.
 * All tabs stay mounted, so a template half placed survives a look at the calibration.
 */
export function CertificatePrintPage() {
  // ?tab= opens a tab; switching tabs stays off the address, so the designer's leave guard (unsaved
  // edits) only asks when the page itself is left — all tabs stay mounted and lose nothing.
  const [params] = useSearchParams();
  const [tab, show] = useState<TabKey>(() => TABS.find((t) => t.key === params.get('tab'))?.key ?? 'design');
  return (
    <Box>
      <PageHeader title="证书套打" description="在空白毕业证书上套打学生信息：设计模板（字段位置以毫米计）、校准打印机、批量打印并记入证书打印记录。" />
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Tabs value={tab} onChange={(_, v: TabKey) => show(v)} aria-label="证书套打" sx={{ px: 1 }}>
          {TABS.map((t) => (
            <Tab key={t.key} value={t.key} label={t.label} id={`cert-tab-${t.key}`} aria-controls={`cert-panel-${t.key}`} />
          ))}
        </Tabs>
      </Paper>
      {TABS.map((t) => (
        <Box key={t.key} role="tabpanel" id={`cert-panel-${t.key}`} aria-labelledby={`cert-tab-${t.key}`} hidden={tab !== t.key}>
          {t.key === 'design' && <DesignerTab active={tab === 'design'} />}
          {t.key === 'calibrate' && <CalibrationTab />}
          {t.key === 'print' && <PrintTab active={tab === 'print'} />}
        </Box>
      ))}
    </Box>
  );
}
