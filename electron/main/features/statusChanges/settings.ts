import { allChains, calendarDaysList, listPolicies } from '../../../../db/queries/status-change-config';
import type { Db } from '../../../../db/client';
import type { StatusChangeSettings } from '../../../../shared/ipc/schemas/status-changes';
import type { z } from 'zod';

export function statusChangeSettings(db: Db): z.output<typeof StatusChangeSettings> {
  return { chains: allChains(db), policies: listPolicies(db), calendar: calendarDaysList(db) };
}
