export { drawStatement } from './draw.ts';
export {
  createRenderPool,
  RenderBusyError,
  type RenderPool,
  type RenderPoolOptions,
} from './pool.ts';
export {
  loadStatement,
  MAX_ENTRIES,
  monthStart,
  previousMonth,
  type StatementData,
  type StatementEntry,
  type StatementOwner,
} from './statement-data.ts';
