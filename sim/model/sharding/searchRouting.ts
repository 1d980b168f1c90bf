import type { Step } from '../service/endpointProgram';

/**
 * Sends an endpoint's queries by another key on tables with a search index to the index: one
 * call, answered by the index alone, where the global index table costs a lookup and a shard call.
 */
export function routeSearches(steps: Step[]): Step[] {
  return steps.map((step): Step => {
    if (step.kind !== 'shardQuery' || step.by !== 'otherKey') return step;
    const search = step.table.search;
    if (search === undefined) return step;
    return {
      kind: 'call',
      target: search.station,
      endpoint: 0,
      timeout: step.timeout,
      onFailure: step.onFailure,
      guard: undefined,
      degradeAbove: Infinity,
    };
  });
}
