/**
 * What `npm start` is doing, said as it starts doing it and again whenever nothing has been said
 * for a few seconds, so that a first start on a busy machine (minutes, while four databases are
 * made from nothing) is never silent.
 */
export function startProgress(write: (line: string) => void = (line) => console.log(line), everyMs = 3_000) {
  let stage = '';
  let since = Date.now();
  let lastSaid = Date.now();
  const say = (line: string) => {
    lastSaid = Date.now();
    write(line);
  };
  const timer = setInterval(() => {
    if (stage && Date.now() - lastSaid >= everyMs) say(`  … ${stage} (${Math.round((Date.now() - since) / 1000)} s)`);
  }, everyMs / 3);
  timer.unref();
  return {
    /** Says what has begun now. */
    stage(text: string) {
      stage = text;
      since = Date.now();
      say(text);
    },
    done() {
      clearInterval(timer);
    },
  };
}
