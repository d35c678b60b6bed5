import {
  type BillableItemRecorded,
  BillableItemRecorded as BillableItemSchema,
  BillableTimeUnpriced as BillableTimeUnpricedSchema,
  type BillingCommand,
  type BillingEvent,
  type BillingState,
  billingDecider,
  billingEventRegistry,
  PriceList,
  RecordOnSiteService,
  readStored,
  steeringStreams,
  type Ticket,
} from '@hotline/domain';
import { CommandBodyBase, loadTicket, type ServiceContext } from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema } from '@hotline/runtime';
import { z } from 'zod';
import { recordCommandRoute } from './record-command-route.ts';
import { notFound } from './record-views.ts';

const ClientParams = z.object({ clientId: z.string().trim().min(1).describe('The client, as the CRM names it') });
const PriceListBody = z.object({ ...PriceList.shape, ...CommandBodyBase });
const OnSiteBody = z.object({
  ...RecordOnSiteService.omit({ type: true, clientId: true, by: true, at: true }).shape,
  ...CommandBodyBase,
});

const { type: _type, schemaVersion: _version, ...itemShape } = BillableItemSchema.shape;
const BillableItemView = z.object(itemShape);
const PriceListView = z.object({ ...PriceList.shape, setAt: z.string() });
const { type: _ut, schemaVersion: _uv, ...unpricedShape } = BillableTimeUnpricedSchema.shape;
const BillingView = z.object({
  clientId: z.string(),
  priceLists: z.array(PriceListView),
  items: z.array(BillableItemView),
  unpriced: z.array(z.object(unpricedShape)).describe('Time on billable tickets that no price list priced'),
  totalCents: z.number().int(),
  revision: z.string(),
});

function itemView(item: BillableItemRecorded) {
  const { type: _t, schemaVersion: _v, ...view } = item;
  return view;
}

/** A client's price list and the items billed to it, read from `billing-<clientId>`. */
async function billingView(context: ServiceContext, clientId: string) {
  const recorded = await context.store.readStream(steeringStreams.billing(clientId));
  const last = recorded.at(-1);
  if (last === undefined) throw notFound('billing.not_found', `No price list nor billable item for ${clientId}`);
  const events = recorded.map((event) => {
    return readStored(billingEventRegistry, event) as BillingEvent;
  });
  const priceLists = events.flatMap((event) => {
    if (event.type !== 'PriceListSet') return [];
    const { type: _t, schemaVersion: _v, clientId: _c, by: _b, at, ...list } = event;
    return [{ ...list, setAt: at }];
  });
  const items = events.flatMap((event) => (event.type === 'BillableItemRecorded' ? [itemView(event)] : []));
  const billed = new Set(items.map((item) => item.itemId));
  const unpriced = events.flatMap((event) => {
    if (event.type !== 'BillableTimeUnpriced' || billed.has(event.itemId)) return [];
    const { type: _t, schemaVersion: _v, ...time } = event;
    return [time];
  });
  const totalCents = items.reduce((sum, item) => sum + item.amountCents, 0);
  return { clientId, priceLists, items, unpriced, totalCents, revision: String(last.revision) };
}

type Body = { by: string; occurredAt?: string | undefined };

/** Price lists and on-site services: what out-of-contract work is billed at. */
export function registerBillingRoutes(app: HttpServer, context: ServiceContext): void {
  const route = <B extends Body>(spec: {
    path: string;
    summary: string;
    description: string;
    body: z.ZodType<B>;
    response: z.ZodType;
    scope: string;
    params?: z.ZodObject;
    /** The ticket the command names, read before it is decided (a 404 when unknown). */
    ticketOf?: (body: B) => string | undefined;
    command: (
      clientId: string,
      body: Omit<B, 'occurredAt'>,
      at: string,
      params: Record<string, string>,
      ticket?: Ticket,
    ) => BillingCommand;
    view: (events: readonly BillingEvent[], clientId: string) => unknown;
  }) =>
    recordCommandRoute<B, BillingCommand, BillingEvent, BillingState>(app, context, {
      method: 'post',
      tag: 'billing',
      access: { roles: ['manager'] },
      params: ClientParams,
      creates: true,
      ...spec,
      scope: (params) => [spec.scope, params.clientId, params.itemId].filter(Boolean).join(':'),
      stream: (params) => steeringStreams.billing(params.clientId as string),
      decider: billingDecider,
      command: async ({ params, body, at, instance }) => {
        const ticketId = spec.ticketOf?.(body);
        const ticket =
          ticketId === undefined ? undefined : (await loadTicket(context.store, ticketId, instance)).ticket;
        const { occurredAt: _given, ...rest } = body;
        return spec.command(params.clientId as string, rest, at, params, ticket);
      },
      view: ({ events }, params) => spec.view(events, params.clientId as string),
    });

  route({
    path: '/clients/:clientId/price-lists',
    summary: "Set a new version of the client's price list",
    description:
      'Hourly rates per kind of work (the nature of the ticket, or `on_site`) and fixed prices per service, in integer cents, in force from `validFrom` until the next version (or `validUntil`). A version starts after the one in force and after the last item billed: an item keeps the price of the list in force on its day.',
    body: PriceListBody,
    response: BillingView,
    scope: 'price-list',
    command: (clientId, body, at) => ({ type: 'SetPriceList', clientId, ...body, at }),
    view: (_events, clientId) => billingView(context, clientId),
  });

  route({
    path: '/clients/:clientId/on-site-services',
    summary: 'Record a service on site for the client: a billable item',
    description:
      'Priced by its duration at the hourly rate of its kind of work (`on_site` by default), or at the fixed price of its service, with the price list in force on its day; rounded to the cent, half up.',
    body: OnSiteBody,
    response: BillableItemView,
    scope: 'on-site-service',
    ticketOf: (body) => body.ticketId,
    command: (clientId, body, at, _params, ticket) => ({
      type: 'RecordOnSiteService',
      clientId,
      ...body,
      ...(ticket?.clientId === undefined ? {} : { ticketClientId: ticket.clientId }),
      at,
    }),
    view: (events) => {
      const item = events.find((event) => event.type === 'BillableItemRecorded');
      if (item === undefined) throw new Error('An on-site service recorded no billable item');
      return itemView(item);
    },
  });

  route({
    path: '/clients/:clientId/unpriced-time/:itemId/pricing',
    summary: 'Bill time kept aside unpriced, now that a price list prices it',
    description:
      'Time on a billable ticket that no price list priced when it was recorded (`unpriced` in the billing view) is billed with the list in force on its day, at the rate of its kind of work.',
    params: ClientParams.extend({ itemId: z.string().trim().min(1) }),
    body: z.object(CommandBodyBase),
    response: BillableItemView,
    scope: 'price-unpriced-time',
    command: (clientId, body, at, params) => ({
      type: 'PriceUnpricedTime',
      clientId,
      itemId: params.itemId as string,
      ...body,
      at,
    }),
    view: (events) => {
      const item = events.find((event) => event.type === 'BillableItemRecorded');
      if (item === undefined) throw new Error('Pricing unpriced time recorded no billable item');
      return itemView(item);
    },
  });

  app.get(
    '/clients/:clientId/billing',
    {
      config: { access: { roles: ['manager', 'auditor'] } },
      schema: {
        tags: ['billing'],
        summary: "A client's price lists and billable items, with their total, and the time left unpriced",
        params: ClientParams,
        response: { 200: BillingView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => billingView(context, request.params.clientId),
  );
}
