import Chip from '@mui/material/Chip';

const COLOURS = { 毕业: 'success', 结业: 'error', 延长学习年限: 'warning' } as const;

/** 结论 as a coloured chip: 毕业 green, 结业 red, 延长学习年限 amber. */
export function OutcomeChip({ outcome, overridden = false }: { outcome: keyof typeof COLOURS; overridden?: boolean }) {
  return <Chip size="small" label={overridden ? `${outcome}（已调整）` : outcome} color={COLOURS[outcome]} variant={overridden ? 'outlined' : 'filled'} />;
}
