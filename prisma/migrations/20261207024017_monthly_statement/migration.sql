-- AlterTable
ALTER TABLE "users" ADD COLUMN     "monthly_statement" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "monthly_statement_on" DATE;
