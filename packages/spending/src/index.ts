export {
  ALERT_THRESHOLDS,
  BudgetError,
  budgetAlertText,
  budgetName,
  budgetsInForce,
  crossedBudgets,
  lastDayOfMonth,
  monthOf,
  projectedSpend,
  setBudget,
  type BudgetAlert,
  type BudgetSetting,
} from './budgets.ts';
export {
  categoryTotals,
  currencyTotal,
  currencyTotals,
  fillDays,
  ratio,
  summarize,
  type BudgetUse,
  type CategoryTotal,
  type CurrencyTotal,
  type DayTotal,
  type Summary,
} from './summary.ts';
export {
  answerQuestion,
  MAX_ENTRIES,
  type Answer,
  type AnswerCategory,
  type AnswerDay,
  type AnswerEntry,
  type AnswerInput,
} from './answers/answer.ts';
export { previousPeriod } from './answers/previous.ts';
