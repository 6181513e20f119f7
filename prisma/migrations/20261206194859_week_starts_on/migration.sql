-- AlterTable
ALTER TABLE "users" ADD COLUMN     "week_starts_on" SMALLINT;

-- ISO weekdays only (null follows the locale).
ALTER TABLE "users" ADD CONSTRAINT "users_week_starts_on_check"
  CHECK ("week_starts_on" BETWEEN 1 AND 7);
