/**
 * A batch of transcripts is laid out in a worker thread (render.ts): the main process keeps
 * answering while pdfmake works, and a cancelled batch stops without a file. Read back, the batch
 * is the same PDF the in-process path makes (one page per student here).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GPA_METHOD } from '../../shared/domain/grades';
import { A4_PAGE, transcriptSheet, type TranscriptInput } from '../../shared/domain/transcripts';
import { renderTranscripts } from '../../electron/main/features/transcripts/render';
import { pageText, readPdf } from '../support/pdf-read';

const course = (i: number) => ({
  code: `C${String(i).padStart(3, '0')}`, name: `专业课程${i}`, nameEn: '', credits: '2', hours: 32, nature: '必修' as const, assessment: '考试' as const,
  term: `2025-2026-${(i % 2) + 1}`, attempt: { kind: '正考' as const, score: 60 + (i % 40), absent: false, void: false }, gradePoint: '2.0',
});
const input = (n: number): TranscriptInput => ({
  lang: 'zh',
  school: { name: '示范职业技术学院', department: '信息工程系', nameEn: '', departmentEn: '' },
  student: { name: `学生${n}`, gender: '1', birthDate: '2007-03-15', studentNo: `2025510201${String(n).padStart(3, '0')}`, majorName: '计算机应用技术', majorNameEn: '', level: '专科', lengthYears: '3', className: '计算机2501班', enrolmentDate: '2025-09-01' },
  courses: Array.from({ length: 24 }, (_, i) => course(i)),
  totals: { creditsEarned: '48', creditsCounted: '48', gpaText: '2.00' },
  method: DEFAULT_GPA_METHOD,
  printedOn: '2026-09-01',
});
const parts = (n: number) => Array.from({ length: n }, (_, i) => ({ sheet: transcriptSheet(input(i + 1)), checkCode: 'ABCDEF123456', photo: null }));

describe('transcripts rendered off the main thread', () => {
  it('keeps the main thread free while a class is laid out, and the file holds every student', async () => {
    let longest = 0;
    let ticks = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 10);
    const started = performance.now();
    const bytes = await renderTranscripts({ parts: parts(40), page: A4_PAGE }, () => false);
    const took = performance.now() - started;
    clearInterval(tick);
    longest = Math.max(longest, performance.now() - last);
    expect(bytes).not.toBeNull();
    const pages = await readPdf(bytes!);
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(pages.map(pageText).join('\n')).toContain('学生40');
    // In this process the layout of 40 transcripts is one uninterrupted block of seconds (the timer
    // never runs); in the worker it keeps ticking. Generous bounds: a busy 2-core machine.
    expect(ticks).toBeGreaterThan(took / 200);
    expect(longest).toBeLessThan(Math.max(1000, took / 2));
  }, 120_000);

  it('a cancelled batch ends without a file', async () => {
    let asked = 0;
    const bytes = await renderTranscripts({ parts: parts(40), page: A4_PAGE }, () => ++asked > 1);
    expect(bytes).toBeNull();
  }, 60_000);
});
