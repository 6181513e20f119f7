// What the bot says about photos and voice notes while and after they are read.
import type { ReadingFailure } from '@spendline/media/reading';

const TYPE_IT = 'Type it instead, e.g. "250 lunch".';

const failures: Record<ReadingFailure, (media: 'image' | 'audio') => string> = {
  'too-large': (media) =>
    `That ${media === 'image' ? 'photo is over 5 MB' : 'voice note is over 16 MB'}, more than WhatsApp lets me fetch. ${
      media === 'image' ? 'Send a smaller photo, or t' : 'T'
    }ype it instead, e.g. "250 lunch".`,
  gone: (media) =>
    `WhatsApp no longer has that ${media === 'image' ? 'photo' : 'voice note'} for me to fetch. Send it again, or ${TYPE_IT.toLowerCase()}`,
  unreadable: (media) =>
    media === 'image'
      ? `I couldn't open that photo. Send it again as a photo (JPEG or PNG), or ${TYPE_IT.toLowerCase()}`
      : `I couldn't make out any words in that voice note. Try again closer to the phone, or ${TYPE_IT.toLowerCase()}`,
  'voice-off': () => `Voice notes are not set up on this Spendline yet. ${TYPE_IT}`,
  unavailable: (media) =>
    `I couldn't read that ${media === 'image' ? 'photo' : 'voice note'} just now. Send it again in a few minutes, or ${TYPE_IT.toLowerCase()}`,
};

export const mediaReplies = {
  reading: (media: 'image' | 'audio') =>
    media === 'image' ? '📷 Reading your photo…' : '🎙️ Listening to your voice note…',
  failed: (media: 'image' | 'audio', reason: ReadingFailure) => failures[reason](media),
  notAReceipt: `That photo doesn't look like a bill, a receipt or a payment screen: nothing saved. ${TYPE_IT}`,
  paymentNotDone: (status: 'failed' | 'pending', merchant: string | null) =>
    `That payment${merchant ? ` to ${merchant}` : ''} ${
      status === 'failed' ? 'failed, so no money moved' : 'is still pending'
    }: nothing saved.${status === 'pending' ? ' Send the success screen once it goes through.' : ''}`,
  samePhoto: 'You sent this same photo before, and its entry is saved: not saved again.',
  noAmount: (label: string, reminder: boolean) =>
    `${reminder ? 'Still waiting: how' : `I couldn't read the amount paid on that photo (${label}). How`} much was it? Send just the amount, e.g. 450.`,
  heard: (text: string) => `🎙️ Heard: “${text.length > 300 ? `${text.slice(0, 299)}…` : text}”`,
  /** "Receipt from DMart, Thu, 3 Dec" / "Payment to Ravi, Thu, 3 Dec" */
  label: (from: 'receipt' | 'payment', payee: string | null, day: string) =>
    from === 'receipt'
      ? `Receipt${payee ? ` from ${payee}` : ''}, ${day}`
      : `Payment${payee ? ` to ${payee}` : ''}, ${day}`,
};
