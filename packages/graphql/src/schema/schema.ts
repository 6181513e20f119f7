import { builder } from './builder.ts';
import './scalars.ts';
import './error-types.ts';
import './money.ts';
import './accounts/auth.ts';
import './categories/categories.ts';
import './expenses/expenses.ts';
import './expenses/expense-totals.ts';
import './summary/summary.ts';
import './budgets/budgets.ts';
import './recurring/recurring.ts';
import './imports/imports.ts';
import './whatsapp/whatsapp.ts';
import './expenses/subscriptions.ts';
import './accounts/sessions.ts';
import './accounts/password-reset.ts';
import './whatsapp/sandbox-chat.ts';

export const schema = builder.toSchema({ sortSchema: false });
