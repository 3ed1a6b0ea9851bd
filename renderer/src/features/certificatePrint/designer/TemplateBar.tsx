import AddOutlined from '@mui/icons-material/AddOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import StarOutline from '@mui/icons-material/StarOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useRef } from 'react';
import type { CallOutput } from '../../../../../shared/ipc/contract';

export type TemplateList = CallOutput<'certificateTemplates.list'>;

interface Props {
  list: TemplateList;
  /** The stored template being edited; null for a new one not yet saved. */
  current: string | null;
  busy: boolean;
  onOpen: (name: string) => void;
  onNew: () => void;
  onCopy: () => void;
  onDelete: () => void;
  onSetDefault: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
}

/** Which template, and what to do with it: 新建 (from the default), 复制, 删除, 设为默认, 导出 / 导入 as a file. */
export function TemplateBar({ list, current, busy, onOpen, onNew, onCopy, onDelete, onSetDefault, onExport, onImport }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const stored = list.find((t) => t.name === current);
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField select size="small" label="模板" value={current ?? ''} onChange={(e) => onOpen(e.target.value)} sx={{ width: 300 }} disabled={busy}>
        {current === null && (
          <MenuItem value="" disabled>
            （新模板，尚未保存）
          </MenuItem>
        )}
        {list.map((t) => (
          <MenuItem key={t.name} value={t.name}>
            {t.name}
            {t.isDefault ? '（默认）' : ''}
          </MenuItem>
        ))}
      </TextField>
      <Button size="small" startIcon={<AddOutlined />} onClick={onNew} disabled={busy}>
        新建
      </Button>
      <Button size="small" startIcon={<ContentCopyOutlined />} onClick={onCopy} disabled={busy}>
        复制
      </Button>
      <Button size="small" startIcon={<StarOutline />} onClick={onSetDefault} disabled={busy || !stored || stored.isDefault}>
        设为默认
      </Button>
      <Button size="small" color="error" startIcon={<DeleteOutline />} onClick={onDelete} disabled={busy || !stored || stored.isDefault}>
        删除
      </Button>
      <Button size="small" startIcon={<FileDownloadOutlined />} onClick={onExport} disabled={busy || !stored}>
        导出文件
      </Button>
      <Button size="small" startIcon={<FileUploadOutlined />} onClick={() => fileInput.current?.click()} disabled={busy}>
        导入文件
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="选择模板文件"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onImport(f);
        }}
      />
    </Box>
  );
}
