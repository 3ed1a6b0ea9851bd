import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Dispatch } from 'react';
import {
  DATE_FIELD_KEYS, TEMPLATE_FIELD_KEYS, type CertificateTemplate, type DateForm, type TemplateAlign, type TemplateFieldKey, type TemplateFont, type TemplateTextField,
} from '../../../../../shared/domain/certificates/template';
import { newFieldId, PHOTO, tenth, type DesignerAction, type Selection } from './designerState';
import { FONT_NAME } from './geometry';
import { NumberBox } from './NumberBox';

/** Problems keyed 'fieldId.property', 'photo.property' or 'template.property'. */
export type PropertyProblems = ReadonlyMap<string, string>;

interface Props {
  template: CertificateTemplate;
  selected: Selection;
  problems: PropertyProblems;
  dispatch: Dispatch<DesignerAction>;
}

const DATE_FORMS: { value: DateForm; label: string }[] = [
  { value: 'numeral', label: '二〇〇五年九月一日' },
  { value: 'arabic', label: '2005年9月1日' },
];
const ALIGNS: { value: TemplateAlign; label: string }[] = [
  { value: 'left', label: '左对齐' },
  { value: 'center', label: '居中' },
  { value: 'right', label: '右对齐' },
];
const isDate = (k: TemplateFieldKey) => DATE_FIELD_KEYS.includes(k);

/** A field whose key changes keeps only what the new key uses (a date form for dates, words for 固定文字). */
function withKey(f: TemplateTextField, key: TemplateFieldKey): Partial<TemplateTextField> {
  const patch: Partial<TemplateTextField> = { key, dateForm: isDate(key) ? f.dateForm ?? 'numeral' : undefined, text: key === 'text' ? f.text ?? '' : undefined };
  return patch;
}

/** The selected field's (or photo box's, or the template's) properties, each edit applied at once. */
export function PropertiesPanel({ template, selected, problems, dispatch }: Props) {
  const field = template.fields.find((f) => f.id === selected);
  if (field) return <FieldProperties field={field} problems={problems} dispatch={dispatch} />;
  if (selected === PHOTO && template.photo) return <PhotoProperties template={template} problems={problems} dispatch={dispatch} />;
  return <TemplateProperties template={template} problems={problems} dispatch={dispatch} />;
}

function Heading({ children }: { children: string }) {
  return (
    <Typography variant="subtitle2" component="h3" sx={{ mb: 1.5 }}>
      {children}
    </Typography>
  );
}

function FieldProperties({ field: f, problems, dispatch }: { field: TemplateTextField; problems: PropertyProblems; dispatch: Dispatch<DesignerAction> }) {
  const edit = (patch: Partial<TemplateTextField>, burst?: string) => dispatch({ type: 'editField', id: f.id, patch, ...(burst ? { burst } : {}) });
  const err = (k: string) => problems.get(`${f.id}.${k}`);
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} aria-label="字段属性" role="group">
      <Heading>字段属性</Heading>
      <TextField select size="small" label="字段" value={f.key} onChange={(e) => edit(withKey(f, e.target.value as TemplateFieldKey))} error={Boolean(err('key'))} helperText={err('key')}>
        {(Object.keys(TEMPLATE_FIELD_KEYS) as TemplateFieldKey[]).map((k) => (
          <MenuItem key={k} value={k}>
            {TEMPLATE_FIELD_KEYS[k]}
          </MenuItem>
        ))}
      </TextField>
      {f.key === 'text' && (
        <TextField size="small" label="固定文字内容" value={f.text ?? ''} onChange={(e) => edit({ text: e.target.value }, 'text')} error={Boolean(err('text'))} helperText={err('text')} />
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
        <NumberBox label="左边距 X" unit="毫米" step={0.1} value={f.xMm} onChange={(v) => edit({ xMm: tenth(v) }, 'xMm')} error={err('xMm')} />
        <NumberBox label="上边距 Y" unit="毫米" step={0.1} value={f.yMm} onChange={(v) => edit({ yMm: tenth(v) }, 'yMm')} error={err('yMm')} />
      </Box>
      <NumberBox label="框宽" unit="毫米" step={0.1} min={0.1} value={f.widthMm} onChange={(v) => edit({ widthMm: tenth(v) }, 'widthMm')} error={err('widthMm')} />
      <Box>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          字体
        </Typography>
        <ToggleButtonGroup size="small" exclusive fullWidth value={f.font} onChange={(_e, v: TemplateFont | null) => v && edit({ font: v })} aria-label="字体">
          {(['serif', 'sans'] as const).map((v) => (
            <ToggleButton key={v} value={v}>
              {FONT_NAME[v]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
        <NumberBox label="字号" unit="磅" step={0.5} min={4} value={f.sizePt} onChange={(v) => edit({ sizePt: v }, 'sizePt')} error={err('sizePt')} />
        <NumberBox label="字距" unit="磅" step={0.5} value={f.letterSpacingPt} onChange={(v) => edit({ letterSpacingPt: v }, 'letterSpacingPt')} error={err('letterSpacingPt')} />
      </Box>
      <Box>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          对齐（在框宽之内）
        </Typography>
        <ToggleButtonGroup size="small" exclusive fullWidth value={f.align} onChange={(_e, v: TemplateAlign | null) => v && edit({ align: v })} aria-label="对齐">
          {ALIGNS.map((a) => (
            <ToggleButton key={a.value} value={a.value}>
              {a.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {isDate(f.key) && (
        <TextField select size="small" label="日期格式" value={f.dateForm ?? ''} onChange={(e) => edit({ dateForm: e.target.value as DateForm })} error={Boolean(err('dateForm'))} helperText={err('dateForm')}>
          {DATE_FORMS.map((d) => (
            <MenuItem key={d.value} value={d.value}>
              {d.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Button color="error" variant="outlined" startIcon={<DeleteOutline />} onClick={() => dispatch({ type: 'removeSelected' })}>
        删除此字段
      </Button>
    </Box>
  );
}

function PhotoProperties({ template, problems, dispatch }: { template: CertificateTemplate; problems: PropertyProblems; dispatch: Dispatch<DesignerAction> }) {
  const p = template.photo!;
  const edit = (k: 'xMm' | 'yMm' | 'widthMm' | 'heightMm') => (v: number) => dispatch({ type: 'editPhoto', patch: { [k]: tenth(v) }, burst: k });
  const err = (k: string) => problems.get(`photo.${k}`);
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} aria-label="照片框属性" role="group">
      <Heading>照片框</Heading>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
        <NumberBox label="左边距 X" unit="毫米" step={0.1} value={p.xMm} onChange={edit('xMm')} error={err('xMm')} />
        <NumberBox label="上边距 Y" unit="毫米" step={0.1} value={p.yMm} onChange={edit('yMm')} error={err('yMm')} />
        <NumberBox label="宽" unit="毫米" step={0.1} value={p.widthMm} onChange={edit('widthMm')} error={err('widthMm')} />
        <NumberBox label="高" unit="毫米" step={0.1} value={p.heightMm} onChange={edit('heightMm')} error={err('heightMm')} />
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        打印时学生的学籍照片铺满此框。
      </Typography>
      <Button color="error" variant="outlined" startIcon={<DeleteOutline />} onClick={() => dispatch({ type: 'removeSelected' })}>
        去掉照片框
      </Button>
    </Box>
  );
}

function TemplateProperties({ template: t, problems, dispatch }: { template: CertificateTemplate; problems: PropertyProblems; dispatch: Dispatch<DesignerAction> }) {
  const err = (k: string) => problems.get(`template.${k}`);
  const addField = () => {
    const id = newFieldId(t);
    const field: TemplateTextField = { id, key: 'text', text: '请填写文字', xMm: 20, yMm: 20, widthMm: 50, font: 'serif', sizePt: 14, align: 'left', letterSpacingPt: 0 };
    dispatch({ type: 'addField', field });
  };
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} aria-label="模板属性" role="group">
      <Heading>模板属性</Heading>
      <TextField size="small" label="模板名称" value={t.name} onChange={(e) => dispatch({ type: 'editTemplate', patch: { name: e.target.value }, burst: 'name' })} error={Boolean(err('name'))} helperText={err('name')} />
      <TextField select size="small" label="证书种类" value={t.kind} onChange={(e) => dispatch({ type: 'editTemplate', patch: { kind: e.target.value as CertificateTemplate['kind'] } })}>
        <MenuItem value="毕业证书">毕业证书</MenuItem>
        <MenuItem value="结业证书">结业证书</MenuItem>
      </TextField>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
        <NumberBox label="纸张宽" unit="毫米" step={1} value={t.page.widthMm} onChange={(v) => dispatch({ type: 'editTemplate', patch: { page: { ...t.page, widthMm: tenth(v) } }, burst: 'pageW' })} error={err('page')} />
        <NumberBox label="纸张高" unit="毫米" step={1} value={t.page.heightMm} onChange={(v) => dispatch({ type: 'editTemplate', patch: { page: { ...t.page, heightMm: tenth(v) } }, burst: 'pageH' })} />
      </Box>
      <Button variant="outlined" startIcon={<AddOutlined />} onClick={addField}>
        添加字段
      </Button>
      {!t.photo && (
        <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => dispatch({ type: 'editTemplate', patch: { photo: { xMm: 20, yMm: 20, widthMm: 30, heightMm: 40 } } })}>
          添加照片框
        </Button>
      )}
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        点击版面上的字段可选中它：拖动或用方向键移动（每次 0.1 毫米，按住 Shift 每次 1 毫米），右侧修改字体、字号等。撤销：Ctrl+Z，重做：Ctrl+Y。
      </Typography>
    </Box>
  );
}
