export * from './labels';
export * from './sheet';
export * from './latin-name';
export * from './settings';
