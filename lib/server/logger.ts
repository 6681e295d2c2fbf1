import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs, one JSON object a line; readable (pino-pretty) when a person watches the
 * terminal. Nothing that identifies a person is logged on purpose, and what might carry it
 * anyway is redacted.
 */
export function createLogger(level: string, pretty = process.stdout.isTTY): Logger {
  return pino({
    level,
    redact: { paths: ['*.authorization', '*.personnummer', '*.token'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}),
  });
}

/** For tests and benchmarks: logs nothing. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
