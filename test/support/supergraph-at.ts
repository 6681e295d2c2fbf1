import { readSupergraph } from '../../gateway/supergraph.ts';

/** The committed supergraph, pointed at where each subgraph of a running graph listens (for another router). */
export function supergraphAt(urls: Record<string, string>): string {
  let supergraph = readSupergraph();
  for (const [name, url] of Object.entries(urls))
    supergraph = supergraph.replace(new RegExp(`(join__graph\\(name: "${name}", url: ")[^"]+`), `$1${url}`);
  return supergraph;
}
