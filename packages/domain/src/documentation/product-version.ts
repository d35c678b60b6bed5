/**
 * Versions compare segment by segment, numerically where both segments are numbers (`12.10` after
 * `12.9`), as text otherwise; a missing segment comes first (`12` before `12.0`).
 */
export function compareVersions(left: string, right: string): number {
  const a = left.split('.');
  const b = right.split('.');
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'en');
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

/** A range of versions, both ends included; an absent end is open. */
export interface VersionRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export function inVersionRange(version: string, range: VersionRange): boolean {
  if (range.from !== undefined && compareVersions(version, range.from) < 0) return false;
  return range.to === undefined || compareVersions(version, range.to) <= 0;
}
