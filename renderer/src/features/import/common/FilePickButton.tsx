import Button from '@mui/material/Button';
import type { ReactNode } from 'react';

interface Props {
  /** The button's visible text. */
  children: ReactNode;
  /** The hidden file input's own label (what tests and screen readers find). */
  inputLabel: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  icon?: ReactNode;
  variant?: 'contained' | 'outlined' | 'text';
  onFiles: (files: File[]) => void;
}

/** A button that opens the system's file picker. */
export function FilePickButton({ children, inputLabel, accept, multiple = false, disabled = false, icon, variant = 'contained', onFiles }: Props) {
  return (
    <Button component="label" variant={variant} startIcon={icon} disabled={disabled}>
      {children}
      <input
        hidden
        type="file"
        aria-label={inputLabel}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </Button>
  );
}
