/**
 * One copy of each value under its key, for what read models keep a ticket and many tickets repeat
 * (strings, coverage verdicts, indicator parts). The table is bounded: past `atMost` keys a value
 * is simply not shared, whatever comes in.
 */
export class SharedValues<T> {
  readonly #known = new Map<string, T>();
  readonly #atMost: number;

  constructor(atMost: number) {
    this.#atMost = atMost;
  }

  /** The copy kept under `key`, or `made` (kept from now on, room permitting). */
  share(key: string, made: () => T): T {
    const known = this.#known.get(key);
    if (known !== undefined) return known;
    const value = made();
    if (this.#known.size < this.#atMost) this.#known.set(key, value);
    return value;
  }
}
