import { serviceStation } from '../componentDefaults';
import {
  append,
  checked,
  copyOf,
  freshId,
  type DesignDoc,
  type OperationResult,
} from '../designDoc';

/** Adds an application service nobody calls yet; connect something to it next. */
export function addStation(doc: DesignDoc): OperationResult {
  const next = copyOf(doc);
  const id = freshId(doc, 'service');
  append(next, 'stations', serviceStation(id));
  return checked(doc, next, `add service "${id}"`, { kind: 'station', id });
}
