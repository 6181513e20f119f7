export {
  addDays,
  addMonths,
  daysBetween,
  isLocalDate,
  isoWeekday,
  localDateOf,
  startOfLocalDay,
  type LocalDate,
} from './local-dates.ts';
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
export { currencyExponent, decimalToMinor, formatMoney, minorToDecimal } from './money.ts';
export {
  daysSpan,
  MAX_CUSTOM_DAYS,
  PERIODS,
  PeriodError,
  periodRange,
  type DateSpan,
  type Period,
  type PeriodRange,
} from './periods.ts';
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
