/**
 * Runs `work` now and then every `intervalMs`, one run at a time: a run that outlasts the interval
 * is followed, not overlapped. Returns how to stop: no run starts after it, and the one in progress
 * is waited for. `work` handles its own failures (a job beside the requests is never fatal), so it
 * never rejects.
 */
export function runPeriodically(work: () => Promise<void>, intervalMs: number): () => Promise<void> {
  let running = work();
  const timer = setInterval(() => void (running = running.then(work)), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
