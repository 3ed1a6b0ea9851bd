import type { CallOutput } from '../../../../../shared/ipc/contract';

export type Batch = CallOutput<'imports.batches'>[number];

const MODES: Record<string, string> = { add: '只添加新学生', update: '更新已有学生' };

export function modeLabel(mode: string): string {
  return MODES[mode] ?? mode;
}
