-- CreateIndex
CREATE INDEX "inbound_messages_waiting_idx" ON "inbound_messages"("conversation_id", "sent_at", "wa_message_id") WHERE (status = 'RECEIVED'::"InboundStatus");
