-- AlterTable
ALTER TABLE "recurring_expenses" ALTER COLUMN "next_run_at" DROP NOT NULL;
