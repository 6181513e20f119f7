export {
  claimMediaJobs,
  pendingMediaJobs,
  queueMediaJob,
  type ClaimedJob,
  type MediaJobPayload,
  type QueuedMedia,
} from './jobs.ts';
export {
  mediaReadingSchema,
  readingContentSchema,
  readingMessageSchema,
  type MediaReading,
  type ReadingContent,
  type ReadingFailure,
} from './reading.ts';
export {
  createMediaWorker,
  UnreadableMediaError,
  type FetchedMedia,
  type MediaReaders,
  type MediaSource,
  type MediaWorker,
  type MediaWorkerOptions,
} from './worker.ts';
export {
  endpointTranscriber,
  TranscriberMissingError,
  transcriberFrom,
  whisperCppTranscriber,
  type Transcribe,
  type TranscribeSettings,
} from './transcribe.ts';
