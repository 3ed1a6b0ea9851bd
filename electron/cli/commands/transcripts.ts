import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { refuse, withRefusals } from '../refusals';
import type { CliSession } from '../session';
import { findStudent } from './students-show';

const USAGE = '用法：transcripts print --student 学号|身份证号 | --class 班级名 [--lang zh|en] [--page A4|school] [--photo] --out FILE.pdf [--json]';

export interface TranscriptOptions {
  student: string | undefined;
  className: string | undefined;
  lang: string | undefined;
  page: string | undefined;
  photo: boolean;
  out: string | undefined;
  json: boolean;
}

/**
 * `transcripts print`: a student's transcript, or a class's in one PDF (a page break per student),
 * through the same call as the app — the same permission (certificates.print), 数据范围, glyph
 * check, log and audit — written to --out. The class is named as the app names it (班级名称).
 */
export async function transcriptsCommand(session: CliSession, sub: string | undefined, opts: TranscriptOptions): Promise<number> {
  return withRefusals(opts.json, async () => {
    if (sub !== 'print') refuse('VALIDATION', USAGE);
    if (!opts.out) refuse('VALIDATION', `请用 --out 指定输出的 PDF 文件。${USAGE}`);
    if (Boolean(opts.student) === Boolean(opts.className)) refuse('VALIDATION', `请用 --student 或 --class 指定一名学生或一个班级（二者选一）。${USAGE}`);
    const lang = opts.lang ?? 'zh';
    if (lang !== 'zh' && lang !== 'en') refuse('VALIDATION', `--lang 应为 zh（中文）或 en（英文）。${USAGE}`);
    const page = opts.page ?? 'A4';
    if (page !== 'A4' && page !== 'school') refuse('VALIDATION', `--page 应为 A4 或 school（学校自定尺寸）。${USAGE}`);
    let target: { studentId: number } | { classId: number };
    if (opts.student) {
      target = { studentId: (await findStudent(session, opts.student)).id };
    } else {
      const name = opts.className!.trim();
      const cls = (await session.call('org.tree', {})).classes.find((c) => c.name === name);
      if (!cls) refuse('NOT_FOUND', `找不到名为“${name}”的班级。`);
      target = { classId: cls.id };
    }
    const r = await session.call('transcripts.print', { ...target, lang, page, photo: opts.photo, jobId: `cli-${randomUUID()}` });
    const output = session.jobOutput(r.jobId);
    if (!output) refuse('NOT_FOUND', '生成的成绩单已不可用，请重试。');
    const out = resolve(opts.out);
    writeFileSync(out, output.bytes);
    const result = { file: out, fileName: r.fileName, count: r.count, lang, page: output.pageMm, checkCodes: r.checkCodes };
    console.log(opts.json ? JSON.stringify(result, null, 2) : `已生成${r.fileName.replace(/\.pdf$/, '')}（${r.count} 份，${lang === 'zh' ? '中文' : '英文'}）到 ${out}`);
    return 0;
  });
}
