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
export {
  createStatementSender,
  requestStatement,
  statementCaption,
  type StatementRequest,
  type StatementSender,
  type StatementSenderOptions,
} from './statement-requests.ts';
