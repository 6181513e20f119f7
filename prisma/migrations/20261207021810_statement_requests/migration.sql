-- CreateEnum
CREATE TYPE "StatementRequestStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "statement_requests" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "conversation_id" UUID,
    "recipient" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "status" "StatementRequestStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "statement_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "statement_requests_status_next_attempt_at_idx" ON "statement_requests"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "statement_requests" ADD CONSTRAINT "statement_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_requests" ADD CONSTRAINT "statement_requests_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
