/** A subgraph that cannot take part in the graph as it is written, with what to do about it, in one line. */
export class SubgraphShapeError extends Error {}
