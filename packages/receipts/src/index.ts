export { createReceiptReader } from './reader.ts';
export type { ReceiptReader, ReceiptReaderOptions } from './reader.ts';
export { ImageTooLargeError, MAX_IMAGE_BYTES, UnreadableImageError } from './preprocess.ts';
export { extract } from './extract/index.ts';
export { linesOfText } from './extract/lines.ts';
export type { ReceiptReading, ReadingKind, UpiApp, UpiDetails, UpiStatus } from './reading.ts';
