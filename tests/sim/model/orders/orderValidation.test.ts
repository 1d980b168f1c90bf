import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../sim/scenarios/validateScenario';
import { orderScenario } from './orderScenario';

const errorsOf = (doc: unknown) => {
  const result = validateScenario(doc);
  return result.ok ? [] : result.errors;
};

describe('order flows in a scenario', () => {
  it('the test scenario is valid', () => {
    expect(errorsOf(orderScenario())).toEqual([]);
  });

  it('names what an order flow, a placeOrder step and an instanceCrash refer to', () => {
    const doc = orderScenario({ faults: [{ kind: 'instanceCrash', at: 1, station: 'rider' }] });
    doc.orders![0]!.db = 'nowhere';
    doc.orders![0]!.payment = 'bank';
    doc.stations[0]!.endpoints!.place![1] = { kind: 'placeOrder', orders: 'carts' };
    expect(errorsOf(doc)).toEqual([
      'orders[0].db: unknown database "nowhere" (databases are "orders-db")',
      'orders[0].payment: unknown station "bank" (stations are "api", "ordersDb", "ordersReplica", "rider", "payment", "merchant")',
      'stations[0].endpoints.place[1].orders: unknown order flow "carts" (order flows are "orders")',
      'faults[0].station: station "rider" places no orders (an instanceCrash hits a station with a placeOrder step; those are "api")',
    ]);
  });

  it('a duplicateCalls fault must hit a service the sagas call, for a positive duration', () => {
    const doc = orderScenario({
      faults: [
        { kind: 'duplicateCalls', at: 1, station: 'api', duration: 2 },
        { kind: 'duplicateCalls', at: 1, station: 'payment', duration: 0 },
      ],
    });
    expect(errorsOf(doc)).toEqual([
      'faults[1].duration: must be a number > 0 s, got 0',
      'faults[0].station: no order saga calls station "api" (duplicateCalls hits the rider, payment or merchant service of an order flow; those are "rider", "payment", "merchant")',
    ]);
  });

  it('states the allowed values of its settings', () => {
    const doc = orderScenario({ flow: { creation: 'later' as 'sync', stepTimeout: 0 } });
    expect(errorsOf(doc)).toEqual([
      'orders[0].stepTimeout: must be a number > 0 s, got 0',
      'orders[0].creation: must be "async" or "sync", got "later"',
    ]);
  });
});
