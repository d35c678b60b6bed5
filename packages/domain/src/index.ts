export * from './shared/domain-error.ts';
export * from './shared/result.ts';
