import { z } from 'zod';
import { DistributionSpecSchema } from '../../model/distributions/distributionSpec';
import { identifier, integerAtLeast, numberInRange } from './fields';

const RouteSchema = z.strictObject({
  to: identifier().describe('The next station.'),
  p: numberInRange(0, 1).describe('Probability of going there after service.'),
});

export const StationSchema = z
  .strictObject({
    id: identifier(),
    servers: integerAtLeast(1, 1_000_000).describe('Parallel servers (threads, connections).'),
    queueCapacity: integerAtLeast(0, 100_000_000)
      .optional()
      .describe('Waiting room beyond the servers; omitted = unbounded. 0 = no queue (Erlang B).'),
    service: DistributionSpecSchema.describe('Service time of one request, seconds.'),
    timeoutPolicy: z
      .enum(['cancel', 'skipExpired', 'keepWorking'], {
        error: 'must be one of "cancel", "skipExpired", "keepWorking"',
      })
      .default('keepWorking')
      .describe(
        'When a client gives up: cancel = the server drops the request at once; skipExpired = ' +
          'dropped if still queued when its turn comes; keepWorking = served anyway (wasted work).',
      ),
    routes: z
      .array(RouteSchema)
      .default([])
      .refine((routes) => routes.reduce((sum, r) => sum + r.p, 0) <= 1 + 1e-9, {
        error: 'route probabilities must add up to at most 1 (the rest leaves the network)',
      }),
  })
  .describe('A c-server FIFO queue.');

export type StationSpec = z.infer<typeof StationSchema>;
