export * from './chain';
export * from './advance';
export * from './timeline';
