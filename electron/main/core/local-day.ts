import { format } from 'date-fns';

/** A day as the office's calendar shows it (local time, as every date in an order or a form is). */
export const localDay = (ms: number) => format(new Date(ms), 'yyyy-MM-dd');
