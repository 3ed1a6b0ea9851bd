import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';

interface Props {
  notice: string | null;
  onClose: () => void;
}

/** The green confirmation at the bottom of the page after something was done. */
export function NoticeSnackbar({ notice, onClose }: Props) {
  return (
    <Snackbar open={notice !== null} autoHideDuration={4000} onClose={onClose} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity="success" variant="filled" onClose={onClose}>
        {notice}
      </Alert>
    </Snackbar>
  );
}
