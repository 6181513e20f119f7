// An amount as every document selects it: minor units, currency, and the api's words.
// Documents list the four fields in place rather than spreading a fragment: the api
// counts each fragment spread as two levels of its depth limit (6), and amounts sit at
// the bottom of the deepest documents.
import type { Expense } from '../expense-query.ts';

export type Money = Expense['amount'];
