/**
 * 学习经历: the classes a student has been in, read from the class history rows that every change of
 * class writes (建档, 调班, a bulk 调班, an import). The first placement is 分班, every later one 调班.
 */
export interface ClassStay {
  className: string;
  from: string | null;
  /** The day the next class began; null while the student is still in it (至今). */
  until: string | null;
  how: '分班' | '调班';
  /** Who recorded it; null when nothing was recorded (the current class shown on its own). */
  byName: string | null;
}

/**
 * Each class from its start until the next, newest first. A student in a class with no recorded
 * move (demo data, folders from before class history was kept) still shows that class, from the
 * enrolment date.
 */
export function classStays(
  rows: readonly { className: string; fromDate: string; createdByName: string }[],
  current: { className: string | null; enrolmentDate: string | null },
): ClassStay[] {
  if (rows.length === 0) {
    return current.className ? [{ className: current.className, from: current.enrolmentDate, until: null, how: '分班', byName: null }] : [];
  }
  return rows
    .map((r, i): ClassStay => ({ className: r.className, from: r.fromDate, until: rows[i + 1]?.fromDate ?? null, how: i === 0 ? '分班' : '调班', byName: r.createdByName }))
    .reverse();
}
