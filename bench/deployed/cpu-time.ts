import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ): 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** Fields 14 and 15 of /proc/<pid>/stat (user and system time, in ticks), after the command's parentheses. */
function ticksOf(pid: number | string): { command: string; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { command, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by each process in `pids` (by name; several pids of one name add up), by
 * every PostgreSQL server process on this machine as `postgres`, and by this process as `client`.
 * Linux only: elsewhere, null.
 */
export function cpuSeconds(pids: ReadonlyArray<{ name: string; pid: number }>): Record<string, number> | null {
  if (!ticksOf(process.pid)) return null;
  const seconds: Record<string, number> = {};
  const add = (name: string, ticks: number) => (seconds[name] = (seconds[name] ?? 0) + ticks / TICKS_PER_SECOND);
  for (const { name, pid } of pids) add(name, ticksOf(pid)?.ticks ?? 0);
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const stat = ticksOf(entry);
    if (stat?.command === 'postgres') add('postgres', stat.ticks);
  }
  const { user, system } = process.cpuUsage();
  seconds.client = (user + system) / 1e6;
  return seconds;
}
