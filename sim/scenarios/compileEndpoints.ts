import { createDistribution } from '../model/distributions/createDistribution';
import type { Cache } from '../model/cache/cache';
import type { Step } from '../model/service/endpointProgram';
import type { ScenarioIndex } from './scenarioIndex';
import type { StationSpec } from './schema/stationSchema';

/** Turns a station's endpoint specs into the steps its program runs, names resolved to indices. */
export function compileEndpoints(
  endpoints: NonNullable<StationSpec['endpoints']>,
  index: ScenarioIndex,
  caches: readonly Cache[],
): Step[][] {
  return Object.values(endpoints).map((steps) =>
    steps.map((step): Step => {
      switch (step.kind) {
        case 'work':
          return { kind: 'work', duration: createDistribution(step.duration) };
        case 'call':
          return {
            kind: 'call',
            target: index.station(step.to),
            endpoint: index.endpoint(step.to, step.endpoint),
            timeout: step.timeout ?? Infinity,
            onFailure: step.onFailure,
          };
        case 'cacheRead':
          return {
            kind: 'cacheRead',
            cache: caches[index.cache(step.cache)]!,
            loadFrom: index.station(step.loadFrom),
            loadEndpoint: index.endpoint(step.loadFrom, step.loadEndpoint),
            cacheTimeout: step.timeout,
            loadTimeout: step.loadTimeout ?? Infinity,
            onFailure: step.onFailure,
          };
      }
    }),
  );
}
