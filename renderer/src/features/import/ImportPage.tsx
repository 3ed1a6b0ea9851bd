import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { BatchesPanel } from './batches/BatchesPanel';
import { PhotoImportPanel } from './photos/PhotoImportPanel';
import { RosterImportWizard } from './roster/RosterImportWizard';

const TABS = [
  { key: 'roster', label: '导入学生名单' },
  { key: 'photos', label: '导入照片' },
  { key: 'batches', label: '导入记录' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/** /import — 数据导入. All three tabs stay mounted, so a half-done import survives a look at the others. */
export function ImportPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'roster';
  const show = (key: TabKey) => setParams(key === 'roster' ? {} : { tab: key }, { replace: true });

  return (
    <Box>
      <PageHeader title="数据导入" description="从 Excel / CSV 名单批量导入学生，逐行检查后再写入；批量导入学生照片；查看和撤销以往的导入。" />
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Tabs value={tab} onChange={(_, v: TabKey) => show(v)} aria-label="导入内容" sx={{ px: 1 }}>
          {TABS.map((t) => (
            <Tab key={t.key} value={t.key} label={t.label} id={`import-tab-${t.key}`} aria-controls={`import-panel-${t.key}`} />
          ))}
        </Tabs>
      </Paper>
      {TABS.map((t) => (
        <Box key={t.key} role="tabpanel" id={`import-panel-${t.key}`} aria-labelledby={`import-tab-${t.key}`} hidden={tab !== t.key}>
          {t.key === 'roster' && (
            <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
              <RosterImportWizard onShowBatches={() => show('batches')} />
            </Paper>
          )}
          {t.key === 'photos' && <PhotoImportPanel />}
          {t.key === 'batches' && <BatchesPanel active={tab === 'batches'} />}
        </Box>
      ))}
    </Box>
  );
}
