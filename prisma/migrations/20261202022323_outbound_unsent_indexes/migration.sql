-- DropIndex
DROP INDEX "outbound_messages_status_next_attempt_at_idx";

-- CreateIndex
CREATE INDEX "outbound_messages_unsent_idx" ON "outbound_messages"("created_at", "id") WHERE (status = ANY (ARRAY['PENDING'::"OutboundStatus", 'SENDING'::"OutboundStatus"]));

-- CreateIndex
CREATE INDEX "outbound_messages_unsent_recipient_idx" ON "outbound_messages"("recipient", "created_at", "id") WHERE (status = ANY (ARRAY['PENDING'::"OutboundStatus", 'SENDING'::"OutboundStatus"]));
