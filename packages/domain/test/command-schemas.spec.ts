import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AgentCommand } from '../src/agent/agent-commands.ts';
import { ClientCommand } from '../src/client/client-commands.ts';
import { ContractCommand } from '../src/contract/contract-commands.ts';
import { KnowledgeCommand } from '../src/knowledge/knowledge-commands.ts';
import { ObjectivesCommand } from '../src/objectives/objectives-commands.ts';
import { PatchLifecycleCommand } from '../src/patch/patch-registration.ts';
import { ProductCommand } from '../src/product/product-commands.ts';
import { TicketCommand } from '../src/ticket/ticket-commands.ts';

const unions: z.ZodDiscriminatedUnion[] = [
  TicketCommand,
  ContractCommand,
  AgentCommand,
  KnowledgeCommand,
  PatchLifecycleCommand,
  ClientCommand,
  ProductCommand,
  ObjectivesCommand,
];
const commandTypes = unions.flatMap((union) =>
  union.options.map((option) => [(option as z.ZodObject).shape.type.value as string, union] as const),
);

describe('every command schema', () => {
  it('knows every command of the domain', () => {
    expect(commandTypes.length).toBeGreaterThanOrEqual(22 + 5);
  });

  it.each(commandTypes)('%s refuses malformed data, naming each field and the reason', (type, union) => {
    const parsed = union.safeParse({ type, at: 'yesterday' });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues ?? [];
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['at'], message: expect.stringMatching(/datetime/i) }),
    );
    for (const issue of issues) {
      expect(issue.path.length).toBeGreaterThan(0);
      expect(issue.message.length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown command type by its discriminator', () => {
    const parsed = TicketCommand.safeParse({ type: 'DeleteTicket', ticketId: 'T-1', at: '2026-05-07T16:00:00+02:00' });
    expect(parsed.error?.issues[0]?.path).toEqual(['type']);
  });
});
