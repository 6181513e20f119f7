-- One row per scope and month, the overall budget (no category) included: NULL is one
-- scope, not a distinct value each time. Prisma's schema language cannot say so.
DROP INDEX "budgets_user_id_category_id_month_key";
CREATE UNIQUE INDEX "budgets_user_id_category_id_month_key"
  ON "budgets"("user_id", "category_id", "month") NULLS NOT DISTINCT;

-- A row sets its scope's monthly budget from its month on, and 0 ends it from then.
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_amount_minor_check" CHECK ("amount_minor" >= 0);
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_month_first_day_check"
  CHECK (EXTRACT(DAY FROM "month") = 1);
