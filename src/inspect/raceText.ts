import type { CacheTraceOp } from '../../sim/model/cache/cache';
import type { WriteStrategy } from '../../sim/model/service/cacheSteps';

/** Each strategy's plan as the writer runs it, and why it does or does not serve stale reads. */
export const STRATEGY_TEXT: Record<WriteStrategy, { title: string; why: string }> = {
  updateThenDelete: {
    title: 'update DB, then delete cache',
    why:
      'Between the commit and the delete, hits still return the old version; and a reader that ' +
      'loaded the old row just before the commit can fill it back after the delete (race A, ' +
      'SEMANTICS.md section 5): a narrow window.',
  },
  deleteThenUpdate: {
    title: 'delete cache, then update DB',
    why:
      'For the whole database write, readers miss, load the old row and fill it back; once the ' +
      'write commits, that old value is served until the next write or the TTL (race B): the ' +
      'wide window.',
  },
  updateThenSet: {
    title: 'update DB, then set cache',
    why:
      'Between the commit and the set, hits return the old version. With two writers, their sets ' +
      'can also land in the opposite order of their commits (race C); here one writer shows the ' +
      'gap alone.',
  },
  lockDeleteUpdateReload: {
    title: 'lock { delete; update DB; reload }',
    why:
      "The article's lock(orderId), with readers refilling under the same lock: a reader that " +
      'misses waits for the writer and loads the committed version, so nothing stale is ever ' +
      'cached. The price: readers wait, and fewer writes get through.',
  },
};

/** Short labels for the writer's marks on its lane. */
export function opLabel(op: CacheTraceOp, version: number): string {
  switch (op) {
    case 'writeStart':
      return 'start';
    case 'writeLock':
      return 'lock';
    case 'writeLockQueued':
      return 'waits';
    case 'delete':
      return 'delete';
    case 'commit':
      return `commit v${version}`;
    case 'set':
      return `set v${version}`;
    case 'writeUnlock':
      return 'unlock';
    case 'writeFailed':
      return 'failed';
    default:
      return op;
  }
}
