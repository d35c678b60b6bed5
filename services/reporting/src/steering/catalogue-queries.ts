import type { Period } from '@hotline/domain';
import { volumes } from '../queries/activity-queries.ts';
import type { ReportingView } from '../queries/reporting-view.ts';
import type { DocumentRecord } from './document-record.ts';
import type { FaqRecord } from './faq-record.ts';
import { dayOf } from './review-queries.ts';

export interface CatalogueRow {
  readonly product: string;
  readonly name: string;
  readonly launchedAt: number | null;
  readonly versions: readonly { readonly version: string; readonly releasedAt: number | null }[];
  /** The product's own end of support (day), if announced. */
  readonly endOfSupport: string | null;
  /** Versions whose support ends (or ended), with the day. */
  readonly versionsEndOfSupport: readonly { readonly version: string; readonly effectiveOn: string }[];
  /** Supported today: no end of support of the whole product reached. */
  readonly supported: boolean;
  readonly documents: number;
  readonly faqEntries: number;
  /** Tickets received in the period (the activity view's volumes). */
  readonly received: number;
}

/** The product catalogue with its versions, ends of support, live documents and published FAQ entries. */
export function productCatalogue(view: ReportingView, period: Period, now: number): CatalogueRow[] {
  const today = dayOf(now);
  const received = new Map<string, number>();
  for (const row of volumes(view, period)) if (row.dimension === 'product') received.set(row.value, row.received);
  const documents = new Map<string, number>();
  for (const document of liveDocuments(view))
    documents.set(document.product, (documents.get(document.product) ?? 0) + 1);
  const faqs = new Map<string, number>();
  for (const entry of publishedFaq(view)) faqs.set(entry.product, (faqs.get(entry.product) ?? 0) + 1);
  const products = new Set([...view.products.keys(), ...received.keys()]);
  return [...products].sort().map((product) => {
    const record = view.products.get(product);
    const released = new Map((record?.releases ?? []).map((each) => [each.version, Date.parse(each.at)]));
    const ends = record?.endsOfSupport ?? [];
    const endOfSupport = ends.filter((each) => each.version === null).at(-1)?.effectiveOn ?? null;
    return {
      product,
      name: record?.name ?? product,
      launchedAt: record?.launchedAt == null ? null : Date.parse(record.launchedAt),
      versions: (record?.versions ?? []).map((version) => ({ version, releasedAt: released.get(version) ?? null })),
      endOfSupport,
      versionsEndOfSupport: ends.flatMap((each) =>
        each.version === null ? [] : [{ version: each.version, effectiveOn: each.effectiveOn }],
      ),
      supported: endOfSupport === null || endOfSupport > today,
      documents: documents.get(product) ?? 0,
      faqEntries: faqs.get(product) ?? 0,
      received: received.get(product) ?? 0,
    };
  });
}

/** Production documents still offered (not retired), by product then title. */
export function liveDocuments(view: ReportingView, product?: string): DocumentRecord[] {
  return [...view.steering.documents.values()]
    .filter((document) => document.retiredAt === null && (product === undefined || document.product === product))
    .sort((a, b) => a.product.localeCompare(b.product) || a.title.localeCompare(b.title));
}

/** FAQ entries published (not unpublished), by product, the most tickets answered first. */
export function publishedFaq(view: ReportingView, product?: string): FaqRecord[] {
  return [...view.steering.faqs.values()]
    .filter((entry) => entry.unpublishedAt === null && (product === undefined || entry.product === product))
    .sort(
      (a, b) =>
        a.product.localeCompare(b.product) ||
        b.ticketIds.length - a.ticketIds.length ||
        a.entryId.localeCompare(b.entryId),
    );
}

export interface CatalogueChange {
  readonly product: string;
  readonly change: 'launched' | 'version_released' | 'end_of_support';
  readonly version: string | null;
  /** The instant of a launch or release; the day of an end of support. */
  readonly on: string;
}

/** What changed in the catalogue during the period: launches, versions released, ends of support taking effect. */
export function catalogueChanges(view: ReportingView, period: Period): CatalogueChange[] {
  const within = (iso: string) => {
    const at = Date.parse(iso);
    return period.start <= at && at < period.end;
  };
  const changes: CatalogueChange[] = [];
  for (const record of view.products.values()) {
    if (record.launchedAt !== null && within(record.launchedAt))
      changes.push({ product: record.product, change: 'launched', version: null, on: record.launchedAt });
    for (const release of record.releases ?? [])
      if (within(release.at))
        changes.push({ product: record.product, change: 'version_released', version: release.version, on: release.at });
    for (const end of record.endsOfSupport ?? [])
      if (within(`${end.effectiveOn}T12:00:00Z`))
        changes.push({ product: record.product, change: 'end_of_support', version: end.version, on: end.effectiveOn });
  }
  return changes.sort((a, b) => a.on.localeCompare(b.on) || a.product.localeCompare(b.product));
}
