export * from './core';
export * from './students';
export * from './imports';
export * from './photo-batches';
export * from './status-changes';
export * from './grades';
export * from './warnings';
export * from './transcripts';
