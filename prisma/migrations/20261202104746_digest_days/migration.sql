-- AlterTable
ALTER TABLE "users" ADD COLUMN     "daily_digest_on" DATE,
ADD COLUMN     "reminder_on" DATE,
ADD COLUMN     "weekly_digest_on" DATE;
