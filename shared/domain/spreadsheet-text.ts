/**
 * Text that a spreadsheet reads as a formula (OWASP "CSV injection"). In an .xlsx the app writes,
 * a string cell is never a formula; but once someone saves the workbook as CSV and opens that,
 * a cell beginning with = + - @ (or a tab or carriage return, which some programs skip before
 * looking) is evaluated — `=HYPERLINK(…)` in a 备注 becomes a live link, worse with DDE.
 *
 * Every workbook writer puts such text behind a single quote, as OWASP recommends: the quote
 * survives the CSV save and keeps the cell text, and a person sees the value with a quote in
 * front rather than a changed value. (A leading tab would be invisible, but OWASP lists the tab
 * itself among the characters some programs skip before evaluating.) Reading a workbook back,
 * the import drops that one quote again, so an exported roster re-imports as it was.
 *
 * Pure: no I/O.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A quote the writers added in front of a formula-like text. */
const ESCAPED = /^'(?=[=+\-@\t\r])/;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text as a workbook cell holds it: behind a single quote when it begins like a formula. */
export function escapeFormulaText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** The text as it was before escapeFormulaText; any other text is returned as it is. */
export function unescapeFormulaText(text: string): string {
  return text.replace(ESCAPED, '');
}
