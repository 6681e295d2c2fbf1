/**
 * Runs before every test file. A deprecated call fails the run: pg 9 turns its deprecation (one
 * client, two queries at once) into an error, and other packages do the same in their next major.
 */
const listening = Symbol.for('sip-graph.fail-on-deprecation');
const state = globalThis as { [listening]?: true };
if (!state[listening]) {
  state[listening] = true;
  process.on('warning', (warning) => {
    if (warning.name === 'DeprecationWarning') throw warning;
  });
}
