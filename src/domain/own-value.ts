// Lookups keyed by user input: `constructor` or `__proto__` must find nothing, not Object.prototype's members.

/** The value of `record` at a key that came from outside, never one inherited from Object.prototype. */
export function ownValue<Value>(record: Readonly<Record<string, Value>>, key: string): Value | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
