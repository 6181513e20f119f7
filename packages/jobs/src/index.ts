export { runDueRecurring, type RecurringRound } from './recurring.ts';
export { startScheduler, type Job, type Scheduler, type SchedulerOptions } from './scheduler.ts';
export { recurringJob } from './jobs.ts';
