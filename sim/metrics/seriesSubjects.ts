import type { Cache } from '../model/cache/cache';
import type { Topic } from '../model/mq/topic';
import type { Source } from '../model/sources/source';
import type { Station } from '../model/station/station';
import type { SeriesSubject } from './seriesRecorder';

export const STATION_SERIES_FIELDS = [
  'arrivals',
  'completed',
  'rejected',
  'timedOut',
  'latencySum',
  'busyArea',
  'queueArea',
  'capacityArea',
] as const;

export function stationSubject(station: Station): SeriesSubject {
  return {
    id: station.id,
    seriesFields: STATION_SERIES_FIELDS,
    sampleCumulative(now, out) {
      out[0] = station.arrivals;
      out[1] = station.completed;
      out[2] = station.rejected;
      out[3] = station.timedOut;
      out[4] = station.latencySum;
      out[5] = station.busyAreaAt(now);
      out[6] = station.queueAreaAt(now);
      out[7] = station.capacityAreaAt(now);
    },
  };
}

export const SOURCE_SERIES_FIELDS = [
  'offered',
  'attempts',
  'successes',
  'failures',
  'latencySum',
] as const;

export function sourceSubject(source: Source): SeriesSubject {
  return {
    id: source.id,
    seriesFields: SOURCE_SERIES_FIELDS,
    sampleCumulative(_now, out) {
      out[0] = source.offered;
      out[1] = source.attempts;
      out[2] = source.successes;
      out[3] =
        source.failedTimeout +
        source.failedRejected +
        source.failedUnavailable +
        source.failedError;
      out[4] = source.latencySum;
    },
  };
}

export const CACHE_SERIES_FIELDS = ['hits', 'misses', 'loads'] as const;

export function cacheSubject(cache: Cache): SeriesSubject {
  return {
    id: cache.config.id,
    seriesFields: CACHE_SERIES_FIELDS,
    sampleCumulative(_now, out) {
      out[0] = cache.store.hits;
      out[1] = cache.store.misses;
      out[2] = cache.loads;
    },
  };
}

export const TOPIC_SERIES_FIELDS = ['produced', 'consumed', 'deadLettered'] as const;

export function topicSubject(topic: Topic): SeriesSubject {
  return {
    id: topic.id,
    seriesFields: TOPIC_SERIES_FIELDS,
    sampleCumulative(_now, out) {
      out[0] = topic.produced;
      out[1] = topic.consumed;
      out[2] = topic.deadLettered;
    },
  };
}
