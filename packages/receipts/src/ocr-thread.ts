// Entry of each OCR worker thread: lowers the thread's own priority, then runs
// tesseract.js's worker script. Reading a photo takes whole seconds of CPU; at the lowest
// priority it uses what the api's event loop leaves, so webhook acks keep their latency
// while photos are read.
import { createRequire } from 'node:module';
import { constants, setPriority } from 'node:os';

// On Linux a nice value belongs to a thread and pid 0 is the calling one; elsewhere it
// would lower the whole process, api included, so the threads keep the default there.
if (process.platform === 'linux') setPriority(0, constants.priority.PRIORITY_LOW);

createRequire(import.meta.url)('tesseract.js/src/worker-script/node/index.js');
