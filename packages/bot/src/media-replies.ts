// What the bot says about photos and voice notes while and after they are read, in the
// user's language.
import { chatTranslator, type ChatKey } from '@spendline/i18n';
import type { ReadingFailure } from '@spendline/media/reading';

type Media = 'image' | 'audio';

const failures: Record<ReadingFailure, Record<Media, ChatKey>> = {
  'too-large': { image: 'mediaTooLargeImage', audio: 'mediaTooLargeAudio' },
  gone: { image: 'mediaGoneImage', audio: 'mediaGoneAudio' },
  unreadable: { image: 'mediaUnreadableImage', audio: 'mediaUnreadableAudio' },
  'voice-off': { image: 'mediaVoiceOff', audio: 'mediaVoiceOff' },
  unavailable: { image: 'mediaUnavailableImage', audio: 'mediaUnavailableAudio' },
};

function build(tag: string) {
  const t = chatTranslator(tag);
  return {
    reading: (media: Media) => t(media === 'image' ? 'mediaReadingImage' : 'mediaReadingAudio'),
    failed: (media: Media, reason: ReadingFailure) => t(failures[reason][media]),
    notAReceipt: t('mediaNotAReceipt'),
    paymentNotDone: (status: 'failed' | 'pending', merchant: string | null) => {
      if (status === 'failed')
        return merchant ? t('mediaPaymentFailedTo', { merchant }) : t('mediaPaymentFailed');
      return merchant ? t('mediaPaymentPendingTo', { merchant }) : t('mediaPaymentPending');
    },
    samePhoto: t('mediaSamePhoto'),
    noAmount: (label: string, reminder: boolean) =>
      t('mediaNoAmount', { label, reminder: reminder ? 'yes' : 'no' }),
    heard: (text: string) =>
      t('mediaHeard', { text: text.length > 300 ? `${text.slice(0, 299)}…` : text }),
    /** "Receipt from DMart, Thu, 3 Dec" / "Payment to Ravi, Thu, 3 Dec" */
    label: (from: 'receipt' | 'payment', payee: string | null, day: string) => {
      if (from === 'receipt')
        return payee ? t('mediaLabelReceiptFrom', { payee, day }) : t('mediaLabelReceipt', { day });
      return payee ? t('mediaLabelPaymentTo', { payee, day }) : t('mediaLabelPayment', { day });
    },
  };
}

export type MediaReplies = ReturnType<typeof build>;

const byTag = new Map<string, MediaReplies>();

/** The photo and voice-note replies in the language of a user's tag, built once per tag. */
export function mediaRepliesFor(tag: string): MediaReplies {
  let replies = byTag.get(tag);
  if (!replies) {
    replies = build(tag);
    byTag.set(tag, replies);
  }
  return replies;
}
