import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import { PENDING_STUDENT_NO } from '../../../../../shared/domain/student-no';
import { ClassMultiSelect } from '../common/ClassMultiSelect';
import { ETHNICITY_OPTIONS, GENDER_OPTIONS, POLITICAL_OPTIONS, STATUS_OPTIONS } from '../common/codeNames';
import { CodeSelect } from '../common/CodeSelect';
import { MultiCodeSelect } from '../common/MultiCodeSelect';
import type { OrgTreeData } from '../common/useOrgTree';
import { EMPTY_FILTER, isFilterEmpty, joinList, listOf, type FilterValues } from './rosterFilter';

const STUDENT_NO_STATE_OPTIONS = [
  { code: 'assigned', name: '已编学号' },
  { code: 'pending', name: PENDING_STUDENT_NO },
];

const PHOTO_STATE_OPTIONS = [
  { code: 'present', name: '有照片' },
  { code: 'missing', name: '无照片' },
];

/** The filters behind 更多筛选: used less often than 年级, 专业, 班级 and 学籍状态. */
const MORE: readonly (keyof FilterValues)[] = ['studentNoState', 'photoState', 'gender', 'ethnicityCode', 'politicalStatusCode', 'sourceRegion'];

interface Props {
  value: FilterValues;
  onChange: (value: FilterValues) => void;
  org: OrgTreeData | null;
  /** Enter in the search box. */
  onSearchEnter?: () => void;
}

type ClassOfOrg = OrgTreeData['classes'][number];
/** Whether a class is in one of the chosen 年级 (or 专业): none chosen lets every class in. */
const inChosen = (chosen: string[], of: (c: ClassOfOrg) => number) => (c: ClassOfOrg) => chosen.length === 0 || chosen.includes(String(of(c)));

/**
 * The search box and the filters above the roster; 年级 → 专业 → 班级 narrow one another, and each of
 * them takes several values.
 */
export function RosterFilterBar({ value, onChange, org, onSearchEnter }: Props) {
  const classes = org?.classes ?? [];
  const cohorts = listOf(value.cohortYear);
  const inCohorts = classes.filter(inChosen(cohorts, (c) => c.cohortYear));
  const majorIds = new Set(inCohorts.map((c) => c.majorId));
  const majors = (org?.majors ?? []).filter((m) => cohorts.length === 0 || majorIds.has(m.id));
  const classOptions = inCohorts.filter(inChosen(listOf(value.majorId), (c) => c.majorId));

  const set = (patch: Partial<FilterValues>) => onChange({ ...value, ...patch });
  // One row on an office screen (1366×768); the rest on demand, and shown whenever one is in use.
  const moreInUse = MORE.filter((k) => value[k].trim() !== '').length;
  const [moreOpen, setMoreOpen] = useState(false);
  const showMore = moreOpen || moreInUse > 0;

  // A narrower 年级 or 专业 drops the chosen 专业 and 班级 outside it.
  const setCohorts = (chosen: string[]) => {
    const fits = classes.filter(inChosen(chosen, (c) => c.cohortYear));
    const majorId = joinList(listOf(value.majorId).filter((m) => fits.some((c) => String(c.majorId) === m)));
    const fitsMajor = fits.filter(inChosen(listOf(majorId), (c) => c.majorId));
    const classId = joinList(listOf(value.classId).filter((id) => fitsMajor.some((c) => String(c.id) === id)));
    onChange({ ...value, cohortYear: joinList(chosen), majorId, classId });
  };
  const setMajors = (chosen: string[]) => {
    const fits = inCohorts.filter(inChosen(chosen, (c) => c.majorId));
    const classId = joinList(listOf(value.classId).filter((id) => fits.some((c) => String(c.id) === id)));
    onChange({ ...value, majorId: joinList(chosen), classId });
  };

  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1.5 }}>
      <Box
        sx={{
          display: 'grid',
          // 班级 a little wider: class names are the longest of the chosen values.
          gridTemplateColumns: { xs: '1fr 1fr', md: 'minmax(220px, 2fr) repeat(2, minmax(110px, 1fr)) minmax(150px, 1.4fr) minmax(110px, 1fr) auto' },
          gap: 1.5,
          alignItems: 'center',
          '& > .roster-search': { gridColumn: { xs: '1 / -1', md: 'auto' } },
        }}
      >
        <TextField
          className="roster-search"
          label="搜索"
          placeholder="学号、身份证号、姓名或拼音（如 zs）"
          value={value.q}
          onChange={(e) => set({ q: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) onSearchEnter?.();
          }}
          autoComplete="off"
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
            inputLabel: { shrink: true },
          }}
        />
        <MultiCodeSelect
          label={fieldLabel('cohortYear')}
          value={cohorts}
          onChange={setCohorts}
          options={(org?.cohorts ?? []).map((y) => ({ code: String(y), name: `${y} 级` }))}
        />
        <MultiCodeSelect
          label={fieldLabel('majorName')}
          value={listOf(value.majorId)}
          onChange={setMajors}
          options={majors.map((m) => ({ code: String(m.id), name: m.name }))}
        />
        <ClassMultiSelect classes={classOptions} value={listOf(value.classId)} onChange={(ids) => set({ classId: joinList(ids) })} emptyLabel="全部" />
        <CodeSelect label={fieldLabel('status')} value={value.status} onChange={(status) => set({ status })} emptyLabel="全部" options={STATUS_OPTIONS} />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
          <Button
            startIcon={
              <Badge badgeContent={moreInUse} color="primary">
                <TuneOutlined />
              </Badge>
            }
            onClick={() => setMoreOpen((o) => !o)}
            aria-expanded={showMore}
            disabled={moreInUse > 0}
          >
            {showMore ? '收起筛选' : '更多筛选'}
          </Button>
          <Button startIcon={<FilterAltOffOutlined />} onClick={() => onChange(EMPTY_FILTER)} disabled={isFilterEmpty(value)}>
            清除筛选
          </Button>
        </Box>
      </Box>
      <Collapse in={showMore} unmountOnExit>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(6, 1fr)' }, gap: 1.5, mt: 1.5 }}>
          <CodeSelect
            label={fieldLabel('studentNo')}
            value={value.studentNoState}
            onChange={(studentNoState) => set({ studentNoState })}
            emptyLabel="全部"
            options={STUDENT_NO_STATE_OPTIONS}
          />
          <CodeSelect label="照片" value={value.photoState} onChange={(photoState) => set({ photoState })} emptyLabel="全部" options={PHOTO_STATE_OPTIONS} />
          <CodeSelect label={fieldLabel('gender')} value={value.gender} onChange={(gender) => set({ gender })} emptyLabel="全部" options={GENDER_OPTIONS} />
          <CodeSelect
            label={fieldLabel('ethnicityCode')}
            value={value.ethnicityCode}
            onChange={(ethnicityCode) => set({ ethnicityCode })}
            emptyLabel="全部"
            options={ETHNICITY_OPTIONS}
          />
          <CodeSelect
            label={fieldLabel('politicalStatusCode')}
            value={value.politicalStatusCode}
            onChange={(politicalStatusCode) => set({ politicalStatusCode })}
            emptyLabel="全部"
            options={POLITICAL_OPTIONS}
          />
          <TextField
            label={fieldLabel('sourceRegion')}
            placeholder="如 河南省"
            value={value.sourceRegion}
            onChange={(e) => set({ sourceRegion: e.target.value })}
            autoComplete="off"
          />
        </Box>
      </Collapse>
    </Paper>
  );
}
