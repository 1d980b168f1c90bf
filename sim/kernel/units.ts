// Branded units that are easy to mix up. A SimTime is simulated seconds, never wall-clock time.
declare const simTimeBrand: unique symbol;
export type SimTime = number & { readonly [simTimeBrand]: 'SimTime' };

/** Marks a plain number as simulated seconds. Free at run time; it exists for the type checker. */
export const simTime = (seconds: number): SimTime => seconds as SimTime;

/** Handle of a scheduled event; pass it to `Kernel.cancel`. */
declare const eventHandleBrand: unique symbol;
export type EventHandle = number & { readonly [eventHandleBrand]: 'EventHandle' };
