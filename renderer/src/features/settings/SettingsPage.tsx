import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import { useState } from 'react';
import { useSession } from '../../app/SessionContext';
import { useSettings } from '../../app/SettingsContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { useCallData } from '../../ipc/useCall';
import { GpaMethodPanel } from '../grades/GpaMethodPanel';
import { StatusChangeSettingsPanel } from '../statusChanges/settings/StatusChangeSettingsPanel';
import { WarningRulesPanel } from '../warnings/WarningRulesPanel';
import { YearRolloverPanel } from '../yearRollover/YearRolloverPanel';
import { SettingsForm } from './SettingsForm';
import { TranscriptSettingsPanel } from '../transcripts/TranscriptSettingsPanel';
import { CertificateSettingsPanel } from '../certificates/CertificateSettingsPanel';

export function SettingsPage() {
  const { data, loading, error } = useCallData('settings.get', {});
  const { setSettings } = useSettings();
  const { refresh } = useSession();
  const [saved, setSaved] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Box>
      <PageHeader title="系统设置" description="院系信息与账户安全设置，修改后对所有用户生效。" />
      {error && <ErrorAlert error={error} />}
      {loading && !data && <LoadingBlock />}
      {data && (
        <SettingsForm
          initial={data}
          onSaved={(settings) => {
            setSettings(settings);
            setSaved(true);
            void refresh();
          }}
        />
      )}
      {data && <StatusChangeSettingsPanel onSaved={setNotice} />}
      {data && <GpaMethodPanel onSaved={setNotice} />}
      {data && <YearRolloverPanel onDone={setNotice} />}
      {data && <WarningRulesPanel onSaved={setNotice} />}
      {data && <TranscriptSettingsPanel onSaved={setNotice} />}
      {data && <CertificateSettingsPanel onSaved={setNotice} />}
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
      <Snackbar
        open={saved}
        autoHideDuration={3000}
        onClose={() => setSaved(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity="success" variant="filled" onClose={() => setSaved(false)}>
          已保存
        </Alert>
      </Snackbar>
    </Box>
  );
}
