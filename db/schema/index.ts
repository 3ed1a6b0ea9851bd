export * from './core';
export * from './students';
export * from './imports';
