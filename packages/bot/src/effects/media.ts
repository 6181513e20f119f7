// The effects of photos and voice notes: queue the file to be read (off this
// transaction), and say what came of the reading when it was no expense.
import { queueMediaJob } from '@spendline/media';
import { waKeyOf } from '@spendline/whatsapp';
import { mediaReplies } from '../media-replies.ts';
import { requireUser, type FamilyHandlers } from './scope.ts';

export const mediaHandlers: FamilyHandlers<'readMedia' | 'mediaNotSaved'> = {
  async readMedia({ media }, { scope, reply }) {
    const user = requireUser(scope);
    await queueMediaJob(scope.tx, {
      inboundMessageId: scope.messageId,
      conversationId: scope.conversationId,
      mediaId: media.id,
      media: media.media,
      payload: {
        userId: user.id,
        sender: scope.sender,
        waKey: waKeyOf(scope.sender) ?? '',
        phoneNumberId: scope.phoneNumberId,
        mimeType: media.mimeType,
        ...(media.sha256 ? { sha256: media.sha256 } : {}),
        ...(media.caption ? { caption: media.caption } : {}),
      },
    });
    reply.parts.push(mediaReplies.reading(media.media));
  },
  mediaNotSaved({ media, why }, { reply }) {
    if (why.kind === 'failed') reply.parts.push(mediaReplies.failed(media, why.reason));
    else if (why.kind === 'not-a-receipt') reply.parts.push(mediaReplies.notAReceipt);
    else if (why.kind === 'same-photo') reply.parts.push(mediaReplies.samePhoto);
    else reply.parts.push(mediaReplies.paymentNotDone(why.status, why.merchant));
  },
};
