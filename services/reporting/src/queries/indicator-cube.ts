import {
  type Environment,
  emptyIndicatorTally,
  type IndicatorContribution,
  type IndicatorTally,
  mergeIndicatorTally,
  type Nature,
  type Period,
  type Ticket,
  tallyContribution,
} from '@hotline/domain';

/** What the indicators can be narrowed to (the dashboard's filters): a ticket's client, product, nature, environment. */
export interface IndicatorFilters {
  readonly clientId?: string | undefined;
  readonly product?: string | undefined;
  readonly nature?: Nature | undefined;
  readonly environment?: Environment | undefined;
}

/** A ticket's place along the filters' dimensions (as its record says it now). */
export interface TicketDimensions {
  readonly clientId: string | null;
  readonly product: string | null;
  readonly nature: Nature;
  readonly environment: Environment | null;
}

export const dimensionsOf = (ticket: Ticket): TicketDimensions => ({
  clientId: ticket.clientId ?? null,
  product: ticket.product ?? null,
  nature: ticket.nature,
  environment: ticket.environment ?? null,
});

/** A ticket with no product or environment matches no filter on them, as the ticket list filters it. */
export const matchesFilters = (dimensions: TicketDimensions, filters: IndicatorFilters): boolean =>
  (filters.clientId === undefined || dimensions.clientId === filters.clientId) &&
  (filters.product === undefined || dimensions.product === filters.product) &&
  (filters.nature === undefined || dimensions.nature === filters.nature) &&
  (filters.environment === undefined || dimensions.environment === filters.environment);

interface Cell {
  readonly dimensions: TicketDimensions;
  readonly tally: IndicatorTally;
}

// Product × nature × environment: a few dozen cells, whatever the number of tickets.
const cellKey = (dimensions: TicketDimensions) =>
  `${dimensions.product ?? ''}\u0000${dimensions.nature}\u0000${dimensions.environment ?? ''}`;

/**
 * Indicator tallies of one bucket (a civil month, or the open tickets' part counted at now) split
 * along the filters' dimensions: per product × nature × environment for the whole hotline, and the
 * same per client. Any combination of filters is then a sum of a few dozen cells at most.
 */
export class IndicatorCube {
  readonly #all = new Map<string, Cell>();
  readonly #byClient = new Map<string, Map<string, Cell>>();

  /** Adds (`sign` 1) or takes out (-1) the parts of a contribution that fall in `period`. */
  add(dimensions: TicketDimensions, contribution: IndicatorContribution, period: Period, sign: 1 | -1): void {
    tallyContribution(cellOf(this.#all, dimensions), contribution, period, sign);
    if (dimensions.clientId === null) return;
    let cells = this.#byClient.get(dimensions.clientId);
    if (cells === undefined) {
      cells = new Map();
      this.#byClient.set(dimensions.clientId, cells);
    }
    tallyContribution(cellOf(cells, dimensions), contribution, period, sign);
  }

  /** Merges into `into` the cells the filters keep. */
  addTo(into: IndicatorTally, filters: IndicatorFilters): void {
    const cells = filters.clientId === undefined ? this.#all : this.#byClient.get(filters.clientId);
    if (cells === undefined) return;
    for (const cell of cells.values()) {
      if (matchesFilters(cell.dimensions, { ...filters, clientId: undefined })) mergeIndicatorTally(into, cell.tally);
    }
  }
}

function cellOf(cells: Map<string, Cell>, dimensions: TicketDimensions): IndicatorTally {
  const key = cellKey(dimensions);
  let cell = cells.get(key);
  if (cell === undefined) {
    cell = { dimensions, tally: emptyIndicatorTally() };
    cells.set(key, cell);
  }
  return cell.tally;
}
