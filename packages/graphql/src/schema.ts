import { builder } from './builder.ts';
import './scalars.ts';
import './error-types.ts';
import './money.ts';
import './auth.ts';
import './categories.ts';
import './expenses.ts';
import './expense-totals.ts';
import './summary.ts';
import './budgets.ts';
import './recurring.ts';
import './imports.ts';
import './whatsapp.ts';
import './subscriptions.ts';
import './sessions.ts';
import './password-reset.ts';
import './sandbox-chat.ts';

export const schema = builder.toSchema({ sortSchema: false });
