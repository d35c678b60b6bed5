import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import type { ReportingView } from '../../src/queries/reporting-view.ts';
import { RecordsBuilder } from '../../src/rebuild/records-builder.ts';

/**
 * Feeds what `store` holds to `view` page by page, telling it of each change as the projections do;
 * `onPage` after each page. Resolves with the number of pages.
 */
export async function feedView(
  store: EventStore,
  view: ReportingView,
  pageSize: number,
  onPage: (page: readonly RecordedEvent[], index: number) => void,
): Promise<number> {
  const builder = new RecordsBuilder();
  let pages = 0;
  for (let after = 0n; ; ) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      builder.apply(event);
      const stored = builder.records.get(event.stream);
      if (stored !== undefined && stored.position === event.position) view.change(event.stream, stored);
    }
    after = page.at(-1)!.position;
    onPage(page, pages++);
  }
  return pages;
}
