export type { Round } from './claims.ts';
export { runDueDigests, type DigestKind } from './digests.ts';
export { scheduledJobs } from './jobs.ts';
export { runDueRecurring } from './recurring.ts';
export { runDueStatements } from './statements.ts';
export { jobRunRecorder, lastJobRuns } from './runs.ts';
export {
  startScheduler,
  type Job,
  type JobRun,
  type Scheduler,
  type SchedulerOptions,
} from './scheduler.ts';
