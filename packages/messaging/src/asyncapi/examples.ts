/** One example per topic, shown in the AsyncAPI document and checked against the contracts in a test. */
export const topicExamples: Record<
  string,
  { name: string; summary: string; headers?: Record<string, string>; payload: unknown }[]
> = {
  'support.inbound.v1': [
    {
      name: 'ticketSubmitted',
      summary: 'A client reports a malfunction through the client portal.',
      headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      payload: {
        messageId: '6f1c2a57-8a43-4d55-9a51-2f3f0b8f7a10',
        source: 'client-portal',
        kind: 'ticket.submitted',
        occurredAt: '2026-05-07T16:00:00+02:00',
        payload: {
          externalId: 'CP-48213',
          clientId: 'ACME',
          product: 'ERP',
          version: '12.4.1',
          environment: 'production',
          nature: 'malfunction',
          priority: 'P2',
          description: 'Since this morning the monthly invoice run stops at the first customer.',
          reproductionSteps: 'Run the invoice batch for May.',
          reportedBy: 'contact-cleo',
        },
      },
    },
  ],
  'support.events.v1': [
    {
      name: 'ticketTakenCharge',
      summary: 'An event of a ticket stream, as the relay publishes it.',
      headers: {
        'event-id': '0b0e4f4e-6c1b-4d8e-9d6f-3a1c6c2f9e11',
        'event-type': 'TicketTakenCharge',
        'schema-version': '1',
        stream: 'ticket-48213',
        revision: '1',
        position: '1042',
        'recorded-at': '2026-05-11T08:15:00.120Z',
        'occurred-at': '2026-05-11T08:15:00.000Z',
        actor: 'agent-7',
        'correlation-id': '6f1c2a57-8a43-4d55-9a51-2f3f0b8f7a10',
        'causation-id': '6f1c2a57-8a43-4d55-9a51-2f3f0b8f7a10',
        hash: '9f2c1e0d8b7a69584736251403f2e1d0c9b8a79685746352413021f0e9d8c7b6',
      },
      payload: { by: 'agent-7', at: '2026-05-11T08:15:00.000Z' },
    },
  ],
  'support.alerts.v1': [
    {
      name: 'resolutionWarning',
      summary: '90% of the resolution target is used.',
      payload: {
        alertId: '2d8f7c1a-5b3e-4f6a-9c2d-1e0f3a4b5c6d',
        kind: 'warning',
        ticketId: '48213',
        clientId: 'ACME',
        contractId: 'ACME-M',
        priority: 'P2',
        target: 'resolution',
        threshold: 90,
        dueAt: '2026-05-20T10:00:00+02:00',
        raisedAt: '2026-05-19T16:30:00+02:00',
      },
    },
  ],
};
