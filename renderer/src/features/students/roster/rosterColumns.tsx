import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Chip from '@mui/material/Chip';
import type { GridColDef, GridColumnVisibilityModel } from '@mui/x-data-grid';
import { fieldLabel, type StudentFieldKey } from '../../../../../shared/domain/student-fields';
import { PENDING_STUDENT_NO } from '../../../../../shared/domain/student-no';
import { SORTABLE, type RosterRow } from '../../../../../shared/ipc/schemas/students';
import { ethnicityName, genderName, orDash, politicalName } from '../common/codeNames';
import { StatusChip } from '../common/StatusChip';

/** The roster's columns, in the catalogue's order; each one a field of the catalogue. */
export const ROSTER_FIELDS = [
  'studentNo', 'name', 'formerName', 'gender', 'birthDate', 'idNumber', 'ethnicityCode', 'politicalStatusCode', 'cohortYear',
  'majorName', 'className', 'status', 'sourceRegion', 'nativePlace', 'householdAddress', 'phone', 'email', 'homeAddress', 'dormitory',
  'enrolmentDate', 'expectedGraduationDate', 'examNo', 'guardianName', 'guardianRelation', 'guardianPhone', 'notes',
] as const satisfies readonly (StudentFieldKey & keyof RosterRow)[];
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const DEFAULT_VISIBLE: readonly RosterField[] = ['studentNo', 'name', 'gender', 'idNumber', 'className', 'status', 'phone'];

const sortable = new Set<string>(SORTABLE);
const WIDTHS: Partial<Record<RosterField, number>> = {
  studentNo: 130, name: 100, gender: 70, birthDate: 110, idNumber: 190, ethnicityCode: 90, politicalStatusCode: 110,
  cohortYear: 80, majorName: 170, className: 170, status: 110, sourceRegion: 140, nativePlace: 140, phone: 130,
  homeAddress: 220, dormitory: 100, enrolmentDate: 110, examNo: 160, formerName: 100, householdAddress: 220, email: 180,
  expectedGraduationDate: 120, guardianName: 100, guardianRelation: 100, guardianPhone: 130, notes: 200,
};

const mono = { fontVariantNumeric: 'tabular-nums' } as const;

function column(field: RosterField): GridColDef<RosterRow> {
  const base: GridColDef<RosterRow> = {
    field,
    headerName: fieldLabel(field),
    width: WIDTHS[field] ?? 120,
    sortable: sortable.has(field),
    filterable: false,
    valueFormatter: (value: unknown) => orDash(value === null || value === undefined ? null : String(value)),
  };
  switch (field) {
    case 'gender':
      return { ...base, valueFormatter: (v: string) => genderName(v) };
    case 'ethnicityCode':
      return { ...base, valueFormatter: (v: string | null) => ethnicityName(v) };
    case 'politicalStatusCode':
      return { ...base, valueFormatter: (v: string | null) => politicalName(v) };
    case 'status':
      return { ...base, renderCell: ({ row }) => <StatusChip status={row.status} /> };
    case 'name':
      return {
        ...base,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, fontWeight: 500, color: 'primary.main' }}>
            {row.name}
            {row.registered && (
              <Tooltip title="已注册学籍，关键信息已锁定">
                <LockOutlined sx={{ fontSize: 14, color: 'text.disabled' }} />
              </Tooltip>
            )}
          </Box>
        ),
      };
    case 'studentNo':
      return {
        ...base,
        cellClassName: 'roster-mono',
        renderCell: ({ value }) =>
          value ? <span style={mono}>{value as string}</span> : <Chip size="small" variant="outlined" label={PENDING_STUDENT_NO} sx={{ color: 'text.secondary' }} />,
      };
    case 'idNumber':
    case 'phone':
    case 'guardianPhone':
    case 'examNo':
      return { ...base, cellClassName: 'roster-mono', renderCell: ({ value }) => <span style={mono}>{orDash(value as string | null)}</span> };
    default:
      return base;
  }
}

export const ROSTER_COLUMNS: GridColDef<RosterRow>[] = ROSTER_FIELDS.map(column);
/** For roles that see the birth year only: the order of birth dates would tell the rest. */
export const MASKED_ROSTER_COLUMNS: GridColDef<RosterRow>[] = ROSTER_COLUMNS.map((c) => (c.field === 'birthDate' ? { ...c, sortable: false } : c));

export function visibilityModel(visible: readonly string[]): GridColumnVisibilityModel {
  return Object.fromEntries(ROSTER_FIELDS.map((f) => [f, visible.includes(f)]));
}

/** Saved or stored columns, kept to the ones the roster knows, in the roster's order. */
export function knownColumns(columns: readonly string[]): RosterField[] {
  const list = ROSTER_FIELDS.filter((f) => columns.includes(f));
  return list.length ? list : [...DEFAULT_VISIBLE];
}
