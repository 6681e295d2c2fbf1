/**
 * One service of the benchmark's deployed graph as its own process:
 * `node --import tsx bench/deployed/service.ts <gateway|sip|school|social|health> <enforced|off>`,
 * configured by the environment as a deployment is (see docker-compose.yml). `off` removes the
 * consent guard, which only this benchmark entry point can do. The SIP core runs its jobs, as deployed.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../policy/agencies.ts';
import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { allSubgraphs } from '../../subgraphs/index.ts';
import { sipJobs } from '../../subgraphs/sip/jobs.ts';

const [service, mode] = process.argv.slice(2);
// Started by the benchmark: it goes when the benchmark goes, however that ends.
process.on('disconnect', () => process.exit(0));

// SIGUSR2 starts a CPU profile, the next one writes it to BENCH_PROFILE_DIR: the load only, not the start.
let profiling: Session | null = null;
process.on('SIGUSR2', async () => {
  if (!profiling) {
    profiling = new Session();
    profiling.connect();
    await profiling.post('Profiler.enable');
    await profiling.post('Profiler.start');
    return;
  }
  const { profile } = await profiling.post('Profiler.stop');
  profiling.disconnect();
  profiling = null;
  const file = join(process.env.BENCH_PROFILE_DIR ?? '.', `${service}-${mode}-${process.pid}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
});
if (service === 'gateway') await import('../../gateway/index.ts');
else if (SUBGRAPH_NAMES.includes(service as SubgraphName) && (mode === 'enforced' || mode === 'off'))
  await runSubgraph(
    allSubgraphs.find((definition) => definition.name === service)!,
    undefined,
    service === 'sip' ? sipJobs : undefined,
    mode === 'off' ? 'disabled-for-benchmark' : 'enforced',
  );
else {
  console.error('usage: bench/deployed/service.ts <gateway|sip|school|social|health> <enforced|off>');
  process.exit(2);
}
