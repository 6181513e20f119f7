// Vitest reads a config file's default export.
export { databaseTests as default } from '../../vitest.shared.ts';
