import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, type KeyboardEvent } from 'react';
import type { GradeScale } from '../../../../shared/domain/grades';
import { MONO_STACK } from '../../app/theme';
import { attemptText, cellKey, markOn, otherAttempts, recordedFor, toggleMark, valueOf, type CellState, type CellValue, type Column, type Row } from './gridModel';
import { termLabel } from './text';

interface Props {
  rows: readonly Row[];
  columns: readonly Column[];
  scale: GradeScale;
  /** null: read only (no grades.write). */
  edit: {
    values: ReadonlyMap<string, CellValue>;
    states: ReadonlyMap<string, CellState>;
    /** The server's refusal of the last save, by cell. */
    refused: ReadonlyMap<string, string>;
    onChange: (key: string, value: CellValue) => void;
    termOptions: readonly string[];
    /** A column whose cells were changed keeps its term until they are saved or undone. */
    lockedTerms: ReadonlySet<string>;
    onTerm: (kind: Column['kind'], term: string) => void;
  } | null;
}

const HEAD_BG = '#f6f8fb';
const BORDER = '1px solid #dde3ec';

/** The placeholder a cell shows, by the course's 记分制. */
const HINT: Readonly<Record<GradeScale, string>> = { 百分制: '0–100', 五级制: '优秀…不及格', 两级制: '合格/不合格' };

/**
 * The grade grid: a row per student, a column per attempt. Keyboard first: type a grade, Enter (or
 * ↓) moves down, Shift+Enter (or ↑) up, Tab right to the next attempt and on to the next student,
 * Esc puts the cell back as recorded. 缺考 and 作弊 are marks beside each cell (or typed as words).
 */
export function GradeTable({ rows, columns, scale, edit }: Props) {
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const focus = (r: number, c: number) => {
    const el = inputs.current.get(`${r}:${c}`);
    if (el) {
      el.focus();
      el.select();
    }
  };
  const keys = (r: number, c: number, revert: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // an IME choosing characters owns Enter
    if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'ArrowDown') {
      e.preventDefault();
      focus(r + 1, c);
    } else if ((e.key === 'Enter' && e.shiftKey) || e.key === 'ArrowUp') {
      e.preventDefault();
      focus(r - 1, c);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      revert();
    }
  };

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box
        component="table"
        aria-label="成绩录入表"
        sx={{
          borderCollapse: 'separate',
          borderSpacing: 0,
          width: '100%',
          fontSize: 14,
          '& th, & td': { borderBottom: BORDER, px: 1.5, py: 0.75, textAlign: 'left', verticalAlign: 'top' },
          // Plain text level with the text inside the inputs beside it.
          '& td.text': { pt: '11px' },
          '& thead th': { bgcolor: HEAD_BG, color: 'text.secondary', fontWeight: 500, position: 'sticky', top: 0, zIndex: 1, verticalAlign: 'bottom' },
          '& tbody tr:hover td': { bgcolor: '#fafbfd' },
        }}
      >
        <thead>
          <tr>
            <th style={{ width: 56, whiteSpace: 'nowrap' }}>序号</th>
            <th style={{ width: 140 }}>学号</th>
            <th style={{ width: 150 }}>姓名</th>
            {columns.map((col) => (
              <th key={col.kind} style={{ minWidth: 212 }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Typography component="span" sx={{ fontWeight: 600, color: 'text.primary', fontSize: 14, whiteSpace: 'nowrap' }}>
                    {col.kind}
                  </Typography>
                  {edit ? (
                    <TextField
                      select
                      value={col.term}
                      onChange={(e) => edit.onTerm(col.kind, e.target.value)}
                      disabled={edit.lockedTerms.has(col.kind)}
                      variant="standard"
                      fullWidth={false}
                      title={edit.lockedTerms.has(col.kind) ? '本列有未保存的修改，保存或撤销后才能换学期' : '本列新录入的成绩记在这个学期'}
                      slotProps={{ select: { sx: { fontSize: 13, py: 0.25 }, SelectDisplayProps: { 'aria-label': `${col.kind}考试学期`, tabIndex: -1 } as object } }}
                    >
                      {edit.termOptions.map((t) => (
                        <MenuItem key={t} value={t} dense>
                          {termLabel(t)}
                        </MenuItem>
                      ))}
                    </TextField>
                  ) : null}
                </Box>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.studentId}>
              <td className="text" style={{ color: '#5b6676' }}>{r + 1}</td>
              <td className="text" style={{ fontFamily: MONO_STACK, whiteSpace: 'nowrap' }}>{row.studentNo ?? '（未编学号）'}</td>
              <td className="text">
                <Box sx={{ whiteSpace: 'nowrap' }}>{row.name}</Box>
                {row.status !== 'enrolled' && <Chip size="small" variant="outlined" color="warning" label={row.statusLabel} sx={{ mt: 0.25, height: 20, fontSize: 12 }} />}
              </td>
              {columns.map((col, c) => {
                const recorded = recordedFor(row, col);
                const others = otherAttempts(row, col, recorded);
                const note = (
                  <>
                    {recorded && recorded.term !== col.term && <Note>记于 {termLabel(recorded.term)}</Note>}
                    {others.map((a) => (
                      <Note key={a.attemptNo}>
                        {termLabel(a.term)}：{attemptText(a)}
                      </Note>
                    ))}
                  </>
                );
                if (!edit) {
                  return (
                    <td key={col.kind} className="text">
                      <span>{recorded ? attemptText(recorded) : '—'}</span>
                      {note}
                    </td>
                  );
                }
                const key = cellKey(row.studentId, col.kind);
                const value = edit.values.get(key) ?? valueOf(recorded);
                const state = edit.states.get(key) ?? { kind: 'same' as const };
                const refused = edit.refused.get(key);
                const problem = state.kind === 'problem' ? state.message : refused;
                const messageId = `grade-msg-${key.replace(':', '-')}`;
                const shownMark = value.absent && value.score === '' ? '缺考' : value.void && value.score === '' ? '作弊' : '';
                return (
                  <td key={col.kind} style={{ background: problem ? '#fdf1f0' : state.kind === 'change' ? '#fff8e1' : state.kind === 'remove' ? '#f4f4f4' : undefined }}>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                      <Box
                        component="input"
                        ref={(el: HTMLInputElement | null) => {
                          if (el) inputs.current.set(`${r}:${c}`, el);
                          else inputs.current.delete(`${r}:${c}`);
                        }}
                        value={value.score}
                        placeholder={shownMark || HINT[scale]}
                        onChange={(e) => edit.onChange(key, { ...value, score: (e.target as HTMLInputElement).value })}
                        onKeyDown={keys(r, c, () => edit.onChange(key, valueOf(recorded)))}
                        onFocus={(e) => (e.target as HTMLInputElement).select()}
                        aria-label={`${row.name} ${col.kind}成绩`}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? messageId : undefined}
                        autoComplete="off"
                        spellCheck={false}
                        sx={{
                          width: 104,
                          font: 'inherit',
                          px: 1,
                          py: 0.5,
                          border: '1px solid',
                          borderColor: problem ? 'error.main' : '#c9d2df',
                          borderRadius: 1,
                          bgcolor: '#fff',
                          outline: 'none',
                          textDecoration: state.kind === 'remove' ? 'line-through' : undefined,
                          '&:focus': { borderColor: problem ? 'error.main' : 'primary.main', boxShadow: (t) => `0 0 0 2px ${problem ? t.palette.error.light : t.palette.primary.light}55` },
                          '&::placeholder': { color: shownMark ? 'text.primary' : '#a3adbb', opacity: 1 },
                        }}
                      />
                      <Mark label="缺考" on={markOn(value, 'absent')} onClick={() => edit.onChange(key, toggleMark(value, 'absent'))} who={`${row.name} ${col.kind}`} />
                      <Mark label="作弊" on={markOn(value, 'void')} onClick={() => edit.onChange(key, toggleMark(value, 'void'))} who={`${row.name} ${col.kind}`} />
                    </Box>
                    {problem && (
                      <Typography id={messageId} role="alert" variant="caption" component="div" sx={{ color: 'error.main', mt: 0.25, maxWidth: 260, lineHeight: 1.4 }}>
                        {problem}
                      </Typography>
                    )}
                    {!problem && state.kind === 'remove' && <Note>保存后删除这条成绩</Note>}
                    {note}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

function Note({ children }: { children: React.ReactNode }) {
  return (
    <Typography variant="caption" component="div" sx={{ color: 'text.secondary', mt: 0.25, lineHeight: 1.4 }}>
      {children}
    </Typography>
  );
}

/** A mark beside a cell: out of the Tab order (Tab goes from grade to grade), a click toggles it. */
function Mark({ label, on, onClick, who }: { label: string; on: boolean; onClick: () => void; who: string }) {
  return (
    <ButtonBase
      tabIndex={-1}
      onClick={onClick}
      role="checkbox"
      aria-checked={on}
      aria-label={`${who}${label}`}
      sx={{
        fontSize: 12,
        px: 0.75,
        py: 0.25,
        borderRadius: 1,
        border: '1px solid',
        borderColor: on ? (label === '作弊' ? 'error.main' : 'warning.main') : '#dde3ec',
        color: on ? (label === '作弊' ? 'error.main' : 'warning.dark') : 'text.secondary',
        bgcolor: on ? (label === '作弊' ? '#fdecea' : '#fff4e5') : 'transparent',
        whiteSpace: 'nowrap',
      }}
    >
      {label}
    </ButtonBase>
  );
}
