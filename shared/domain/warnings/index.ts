export * from './types';
export * from './text';
export * from './evaluate';
export * from './compare';
export * from './versions';
export * from './problems';
export * from './presets';
export * from './facts';
