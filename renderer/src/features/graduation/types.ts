import type { CallOutput } from '../../../../shared/ipc/contract';

export type ResultRow = CallOutput<'graduation.results'>['rows'][number];
export type Detail = CallOutput<'graduation.detail'>;
export type Check = Detail['checks'][number];
