/** Spreadsheet import: pure parsing, normalisation and validation (runs in the main process and a worker). */
export * from './catalogue';
export * from './cells';
export * from './errors';
export * from './grade-catalogues';
export * from './header';
export * from './normalise';
export * from './specs';
export * from './validate-row';
