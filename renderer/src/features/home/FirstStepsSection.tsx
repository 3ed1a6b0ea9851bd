import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { FirstStep } from './firstSteps';
import { HomeSection } from './HomeSection';

/** 开始使用: an empty install's steps, 先建专业和班级 → 导入名单. */
export function FirstStepsSection({ steps }: { steps: FirstStep[] }) {
  return (
    <HomeSection title="开始使用">
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        还没有学生。按下面的顺序开始：
      </Typography>
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
        {steps.map((s, i) => (
          <Box component="li" key={s.title} sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 1.5, borderRadius: 1, bgcolor: s.done ? '#f1f8f3' : '#f6f8fb' }}>
            <Box
              sx={{ width: 32, height: 32, borderRadius: '50%', flexShrink: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, color: '#fff', bgcolor: s.done ? 'success.main' : 'primary.main' }}
            >
              {s.done ? <CheckCircleOutlined fontSize="small" /> : i + 1}
            </Box>
            <Box sx={{ minWidth: 0, flexGrow: 1 }}>
              <Typography sx={{ fontWeight: 600 }}>
                {s.title}
                {s.done && (
                  <Typography component="span" variant="body2" sx={{ color: 'success.dark', ml: 1 }}>
                    已完成
                  </Typography>
                )}
              </Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {s.hint}
              </Typography>
            </Box>
            {s.action && !s.done && (
              <Button component={RouterLink} to={s.action.path} variant={steps.find((x) => !x.done) === s ? 'contained' : 'outlined'}>
                {s.action.label}
              </Button>
            )}
          </Box>
        ))}
      </Box>
    </HomeSection>
  );
}
