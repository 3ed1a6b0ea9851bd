import type { Content, ContentSection, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import type { ColumnKey, TranscriptPageSize, TranscriptSheet } from '../../../../shared/domain/transcripts';
import { marginsMm, mm, pageSetup, signatureBlock, titleBlock, type DocDefinition } from '../../core/pdf';

/**
 * The transcript's pages, laid out by pdfmake from the sheet (shared/domain/transcripts): one
 * section per student, so each starts on a page of its own and carries its own footer (whose
 * transcript a loose page is, and its page number within it). Sizes in mm; the name column takes
 * what the fixed columns leave, so A4 and a school's 16K both fit and long names wrap in place.
 */

export interface TranscriptPart {
  sheet: TranscriptSheet;
  /** 校验码: the first characters of the content's hash, printed beside the seal and in the footer. */
  checkCode: string;
  /** The student's photo as a data: URL (JPEG), when asked for and on file. */
  photo: string | null;
}

/** Fixed column widths in mm; the course name ('*') takes the rest. */
const WIDTHS: Record<'zh' | 'en', Partial<Record<ColumnKey, number>>> = {
  zh: { code: 19, nature: 12, credits: 9, hours: 9, assessment: 12, grade: 12, kind: 13, gradePoint: 9 },
  en: { code: 19, nature: 27, credits: 11, assessment: 19, grade: 11, kind: 15, gradePoint: 8 },
};
/** Columns set centred (the rest left): short values read better centred under their heading. */
const CENTRED = new Set<ColumnKey>(['nature', 'credits', 'hours', 'assessment', 'grade', 'kind', 'gradePoint']);

const TABLE_FONT = 8;
const MARGIN_MM = 15;

/** Thin rules (0.4 pt) all round: a transcript's grid, not pdfmake's 1 pt default. */
const GRID: CustomTableLayout = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  paddingLeft: () => mm(1),
  paddingRight: () => mm(1),
  paddingTop: () => mm(0.35),
  paddingBottom: () => mm(0.15),
};
const PLAIN: CustomTableLayout = { ...GRID, hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => mm(0.4), paddingBottom: () => mm(0.4) };

function header(s: TranscriptSheet): Content[] {
  return [
    { text: s.school, alignment: 'center', bold: true, fontSize: 15, margin: [0, 0, 0, mm(1)] },
    { text: s.department, alignment: 'center', fontSize: 10.5, margin: [0, 0, 0, mm(2)] },
    titleBlock(s.title, { fontSize: 15, spaced: s.lang === 'zh', marginBottomMm: 4 }),
  ];
}

/** The student's details, three label–value pairs a row; the photo (22 × 29 mm) beside them. */
function identity(s: TranscriptSheet, photo: string | null): Content {
  // Three pairs a row in Chinese; two in English, whose labels and names run longer.
  const per = s.lang === 'zh' ? 3 : 2;
  const body: TableCell[][] = [];
  for (let i = 0; i < s.identity.length; i += per) {
    const cells: TableCell[] = [];
    for (const pair of s.identity.slice(i, i + per)) cells.push({ text: `${pair.label}${s.lang === 'zh' ? '：' : ': '}`, bold: true, noWrap: true }, { text: pair.value });
    while (cells.length < per * 2) cells.push({ text: '' });
    body.push(cells);
  }
  const table: Content = { table: { widths: Array.from({ length: per }, () => ['auto', '*']).flat(), body }, layout: PLAIN, fontSize: 9 };
  if (!photo) return { ...table, margin: [0, 0, 0, mm(3)] } as Content;
  return {
    columns: [table, { image: photo, fit: [mm(22), mm(29)], width: mm(22) }],
    columnGap: mm(4),
    margin: [0, 0, 0, mm(3)],
  };
}

/**
 * The grades, one table per term: its header rows (the column headings and the term) repeat when a
 * term runs onto the next page and always keep company with its first course (keepWithHeaderRows),
 * so no term heading is left alone at the foot of a page. 以下空白 closes the last table.
 */
function gradesTables(s: TranscriptSheet): Content[] {
  const span = s.columns.length;
  const full = (text: string, extra: object = {}): TableCell[] => [{ text, colSpan: span, ...extra }, ...Array.from({ length: span - 1 }, () => ({ text: '' }))];
  // Fresh cells for each table: pdfmake writes its measurements into the cell objects it lays out.
  const labels = (): TableCell[] => s.columns.map((c) => ({ text: c.label, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
  const widths = s.columns.map((c) => (WIDTHS[s.lang][c.key] === undefined ? '*' : mm(WIDTHS[s.lang][c.key]!)));
  const table = (body: TableCell[][], headerRows: number, marginTop: number): Content => ({
    table: { headerRows, keepWithHeaderRows: headerRows ? 1 : 0, dontBreakRows: true, widths, body },
    layout: GRID,
    fontSize: TABLE_FONT,
    lineHeight: 1,
    margin: [0, marginTop, 0, 0],
  });
  const tables: Content[] = s.terms.map((term, i) =>
    table(
      [labels(), full(term.label, { bold: true, fillColor: '#f6f6f6' }), ...term.rows.map((row) => s.columns.map((c): TableCell => ({ text: row[c.key], alignment: CENTRED.has(c.key) ? 'center' : 'left' })))],
      2,
      i === 0 ? 0 : mm(1.5),
    ),
  );
  // 以下空白 right under the last row (its own one-row table, touching the last one's bottom rule).
  tables.push(table([full(s.blank, { alignment: 'center' })], 0, s.terms.length ? -0.4 : 0));
  return tables;
}

function closing(part: TranscriptPart): Content[] {
  const s = part.sheet;
  const sep = s.lang === 'zh' ? '：' : ': ';
  return [
    {
      text: s.totals.map((t) => `${t.label}${sep}${t.value}`).join(s.lang === 'zh' ? '　　' : '    '),
      bold: true,
      fontSize: 9.5,
      margin: [0, mm(2.5), 0, mm(1.5)],
    },
    { text: s.note, fontSize: 7, lineHeight: 1.25, alignment: 'justify' },
    // The seal goes over the issuer's line and the date: the block keeps a 42 mm seal's room clear.
    {
      stack: [signatureBlock(s.issuer, s.printed, { fontSize: 10, sealDiameterMm: 40, marginTopMm: 4 })],
      unbreakable: true,
    },
  ];
}

/** Each student's section: a page of its own, a footer saying whose page it is. */
function section(part: TranscriptPart, pageMargins: [number, number, number, number]): ContentSection {
  const s = part.sheet;
  // pdfmake asks each section's footer for its pages in order: the first it is asked for is the
  // transcript's first page, so a loose page of a class batch still says whose and which it is.
  let first = 0;
  const check = `${s.lang === 'zh' ? '校验码' : 'Check Code'}${s.lang === 'zh' ? '：' : ': '}${part.checkCode}`;
  return {
    section: [...header(s), identity(s, part.photo), ...gradesTables(s), ...closing(part)],
    pageMargins,
    footer: (page: number) => {
      if (first === 0) first = page;
      const n = page - first + 1;
      return {
        columns: [
          { text: `${s.owner}　${s.lang === 'zh' ? `第 ${n} 页` : `Page ${n}`}`, alignment: 'left' },
          { text: check, alignment: 'right' },
        ],
        fontSize: 7.5,
        margin: [mm(MARGIN_MM), mm(4), mm(MARGIN_MM), 0],
      };
    },
  };
}

/** One document of one or many transcripts, on A4 or the school's size (portrait). */
export function transcriptDocument(parts: readonly TranscriptPart[], page: TranscriptPageSize): DocDefinition {
  const margins = marginsMm(MARGIN_MM, 14, MARGIN_MM, 14);
  const title = parts.length === 1 ? `${parts[0]!.sheet.title} ${parts[0]!.sheet.owner}` : parts[0]?.sheet.title ?? '';
  return {
    ...pageSetup({ widthMm: page.widthMm, heightMm: page.heightMm }),
    pageMargins: margins,
    info: { title },
    content: parts.map((p) => section(p, margins)),
  };
}
