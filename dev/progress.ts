import { Worker } from 'node:worker_threads';

/**
 * Repeats the current stage whenever nothing has been said for a while. It runs in a thread of its
 * own and writes to the terminal itself: the embedded databases run their SQL on the main thread,
 * and a first migration holds it for seconds at a time, when a timer there would not fire.
 */
const TICKER = `
const { parentPort, workerData: { everyMs } } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let stage = '';
let since = Date.now();
let lastSaid = Date.now();
const timer = setInterval(() => {
  if (!stage || Date.now() - lastSaid < everyMs) return;
  lastSaid = Date.now();
  writeSync(1, '  … ' + stage + ' (' + Math.round((lastSaid - since) / 1000) + ' s)\\n');
}, everyMs / 3);
parentPort.on('message', (next) => {
  if (next === null) return clearInterval(timer), parentPort.close();
  stage = next;
  since = lastSaid = Date.now();
});
`;

/**
 * What `npm start` is doing, said as it starts doing it and again every few seconds while it lasts,
 * so that a first start on a busy machine (minutes, while four databases are made from nothing) is
 * never silent.
 */
export function startProgress(everyMs = 3_000) {
  const ticker = new Worker(TICKER, { eval: true, workerData: { everyMs } });
  ticker.unref();
  return {
    /** Says what has begun now. */
    stage(text: string) {
      console.log(text);
      ticker.postMessage(text);
    },
    done() {
      ticker.postMessage(null);
    },
  };
}
