// The books' arithmetic, free of any database: splits, balances and the settle-up plan.
export {
  balancesOf,
  withoutSettled,
  type Balances,
  type Payment,
  type Share,
  type SharedEntry,
} from './balances.ts';
export { EXACT_PLAN_LIMIT, settleUpPlan, type Transfer } from './settle.ts';
export { MAX_WEIGHT, splitAmount } from './split.ts';
