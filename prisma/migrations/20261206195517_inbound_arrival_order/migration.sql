-- DropIndex
DROP INDEX "inbound_messages_waiting_idx";

-- CreateIndex
CREATE INDEX "inbound_messages_waiting_idx" ON "inbound_messages"("conversation_id", "sent_at", "id") WHERE (status = 'RECEIVED'::"InboundStatus");
