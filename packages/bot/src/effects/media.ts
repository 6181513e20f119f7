// The effects of photos and voice notes: queue the file to be read (off this
// transaction), and say what came of the reading when it was no expense.
import { queueMediaJob } from '@spendline/media';
import { waKeyOf } from '@spendline/whatsapp';
import { mediaRepliesFor } from '../media-replies.ts';
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
    reply.parts.push(mediaRepliesFor(scope.locale).reading(media.media));
  },
  mediaNotSaved({ media, why }, { scope, reply }) {
    const say = mediaRepliesFor(scope.locale);
    if (why.kind === 'failed') reply.parts.push(say.failed(media, why.reason));
    else if (why.kind === 'not-a-receipt') reply.parts.push(say.notAReceipt);
    else if (why.kind === 'same-photo') reply.parts.push(say.samePhoto);
    else reply.parts.push(say.paymentNotDone(why.status, why.merchant));
  },
};
