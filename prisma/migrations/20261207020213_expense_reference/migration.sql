-- AlterTable
ALTER TABLE "expenses" ADD COLUMN     "reference" VARCHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "expenses_user_reference_key" ON "expenses"("user_id", "reference") WHERE (reference IS NOT NULL AND deleted_at IS NULL);
