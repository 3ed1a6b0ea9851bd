export * from './types';
export * from './model';
export * from './chains';
export * from './policy';
export * from './order-data';
export * from '../approvals';
