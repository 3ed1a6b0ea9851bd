export * from './types';
export * from './decimal';
export * from './method';
export * from './gpa';
export * from './parse';
export * from './plan';
export * from './entry';
export * from './term';
