export * from './core';
export * from './students';
