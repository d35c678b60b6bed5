import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { acmeMaintenanceTerms } from '@hotline/domain';
import { openMemoryStore, openSqliteStore } from '@hotline/eventstore';
import { seedWorkedExamples } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { paris } from './support/hotline-scenario.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';

let harness: ReportingHarness | undefined;
const folders: string[] = [];
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const json = async (url: string) => {
  const response = await harness!.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe("a ticket's replay for a penalty dispute", () => {
  it('merges the streams by position, reads the clock after each event and derives the penalty step by step', async () => {
    harness = await reportingHarness(Date.parse('2026-09-14T11:00:00+02:00'));
    await seedWorkedExamples(harness.store);
    const audit = await json('/audit/tickets/WE-1');
    expect(audit.timeline.map((event: { type: string }) => event.type)).toEqual([
      'TicketReceived',
      'TicketTakenCharge',
      'TicketWorkStarted',
      'CustomerInputRequested',
      'CustomerReplied',
      'WorkaroundProvided',
      'TicketResolved',
    ]);
    const positions = audit.timeline.map((event: { position: string }) => BigInt(event.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    for (const event of audit.timeline)
      expect(event).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), actor: expect.any(String) });
    expect(audit.timeline[1].targets[0]).toMatchObject({
      target: 'takeCharge',
      status: 'met',
      dueAt: '2026-05-11T09:00:00.000Z',
    });
    expect(audit.timeline[5].targets[1]).toMatchObject({
      target: 'workaround',
      status: 'breached',
      dueAt: '2026-05-15T08:00:00.000Z',
    });
    expect(audit.contract).toMatchObject({
      contractId: 'ACME-M',
      version: { amendmentId: null },
      annualFeeCents: 2_400_000,
    });
    expect(audit.final).toMatchObject({
      overrunDays: 7,
      resolutionDueAt: '2026-05-20T08:00:00.000Z',
      withinDeadlines: false,
    });
    expect(audit.penalty.steps.map((step: { step: string; cents?: number }) => [step.step, step.cents])).toEqual([
      ['overrun', undefined],
      ['rate', 4_800],
      ['accrued', 33_600],
      ['ticket cap', 33_600],
      ['contract year', undefined],
    ]);
    expect(audit.penalty.amountCents).toBe(33_600);
    expect(audit.verdict).toMatchObject({ hashChain: { intact: true, checked: 7 }, sound: true });
    const document = await harness.get('/audit/tickets/WE-1/document');
    expect(document.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(document.body).toContain('Relecture de la DI WE-1');
    expect(document.body).toContain('Chaîne de hachage intacte');
  });

  it('checks that each stored SLA event recomputes from the ticket events recorded before it', async () => {
    harness = await reportingHarness(Date.parse('2026-09-14T11:00:00+02:00'));
    await seedWorkedExamples(harness.store);
    // As the SLA clock writes them (packages/domain/src/sla/sla-events.ts).
    const breach = (dueAt: string) => ({
      type: 'SlaBreached',
      data: {
        ticketId: 'WE-1',
        contractId: 'ACME-M',
        target: 'workaround',
        nature: 'malfunction',
        priority: 'P2',
        dueAt,
        by: 'sla-clock',
        at: dueAt,
      },
      actor: 'sla-clock',
      occurredAt: dueAt,
    });
    await harness.store.append('sla-WE-1', [breach('2026-05-15T08:00:00.000Z')], { expectedRevision: 'no_stream' });
    const sound = await json('/audit/tickets/WE-1');
    expect(sound.timeline.at(-1)).toMatchObject({ stream: 'sla-WE-1', slaCheck: { verdict: 'recomputes' } });
    expect(sound.verdict).toMatchObject({ slaEvents: { checked: 1, recomputed: 1 }, sound: true });
    await harness.store.append('sla-WE-1', [breach('2026-05-15T09:00:00.000Z')], { expectedRevision: 0n });
    const disputed = await json('/audit/tickets/WE-1');
    expect(disputed.verdict).toMatchObject({ slaEvents: { checked: 2, differing: 1 }, sound: false });
    expect((await json('/reports/tickets/WE-1')).alerts).toHaveLength(2);
  });
});

describe('as of a past instant', () => {
  it('shows what was known before a late event and what is known after it', async () => {
    let recordedAt = Date.parse(paris('2026-05-07T16:00'));
    const store = await openMemoryStore({ clock: () => new Date(recordedAt) });
    harness = await reportingHarness(Date.parse(paris('2026-07-01T12:00')), { store });
    const { scenario } = harness;
    await scenario.sign('ACME-M', 'ACME', acmeMaintenanceTerms);
    await scenario.ticket('T-1', [
      scenario.receive('ACME', paris('2026-05-07T16:00')),
      { type: 'TakeCharge', by: 'agent-ada', at: paris('2026-05-11T10:15') },
    ]);
    // Resolution due Mon 18 May 16:00 (8 May and Ascension are holidays); the fix was delivered on
    // 26 May, but recorded only on 10 June.
    recordedAt = Date.parse(paris('2026-06-10T09:00'));
    await scenario.ticket('T-1', [
      { type: 'ResolveTicket', how: 'fix', by: 'agent-ada', at: paris('2026-05-26T15:00') },
    ]);

    const before = await json(`/audit/as-of?at=${encodeURIComponent(paris('2026-06-01T12:00'))}`);
    expect(before.indicators.byPriority.P2).toMatchObject({
      malfunctions: { within: 0, resolved: 0 },
      productionOverrunDays: 14,
    });
    expect(before.overruns.items).toMatchObject([
      { ticketId: 'T-1', resolvedAt: null, overrunDays: 14, penaltyCents: 67_200 },
    ]);
    expect(before.penalties.provisionCents).toBe(67_200);
    const after = await json(`/audit/as-of?at=${encodeURIComponent(paris('2026-06-15T12:00'))}&clientId=ACME`);
    expect(after.indicators.byPriority.P2).toMatchObject({
      malfunctions: { within: 0, resolved: 1 },
      productionOverrunDays: 8,
    });
    expect(after.penalties.provisionCents).toBe(38_400);
    const replay = await json(`/audit/tickets/T-1?asOf=${encodeURIComponent(paris('2026-06-01T12:00'))}`);
    expect(replay.timeline.map((event: { type: string }) => event.type)).not.toContain('TicketResolved');
    expect(replay.final.overrunDays).toBe(14);
  });
});

describe('tampering with the stored events', () => {
  it('is detected and reported with the first broken position, over HTTP and by the CLI', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'reporting-audit-'));
    folders.push(folder);
    const file = join(folder, 'hotline.sqlite');
    const seeded = await openSqliteStore({ file });
    await seedWorkedExamples(seeded);
    await seeded.close();
    const database = new DatabaseSync(file);
    const forged = database
      .prepare("SELECT position FROM events WHERE stream = 'ticket-WE-1' AND type = 'TicketResolved'")
      .get() as { position: number };
    // The forger moves the fix back into the deadline: the penalty would vanish.
    database
      .prepare(
        "UPDATE events SET data = replace(data, '2026-05-26T15:00:00+02:00', '2026-05-20T09:00:00+02:00') WHERE position = ?",
      )
      .run(forged.position);
    database.close();

    harness = await reportingHarness(Date.parse('2026-09-14T11:00:00+02:00'), {
      store: await openSqliteStore({ file }),
    });
    const verdict = await json('/audit/verify');
    expect(verdict).toMatchObject({
      intact: false,
      firstBreak: { position: String(forged.position), stream: 'ticket-WE-1', reason: 'hash_mismatch' },
    });
    const audit = await json('/audit/tickets/WE-1');
    expect(audit.verdict).toMatchObject({
      sound: false,
      hashChain: { firstBreak: { position: String(forged.position) } },
    });
    await harness.store.close();

    const cli = join(import.meta.dirname, '../src/audit/audit-cli.ts');
    const run = promisify(execFile);
    const failure = await run(process.execPath, [cli, 'verify', '--sqlite', file]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect(JSON.parse((failure as { stdout: string }).stdout).firstBreak.position).toBe(String(forged.position));
    const html = join(folder, 'WE-2.html');
    const { stdout } = await run(process.execPath, [cli, 'ticket', 'WE-2', '--sqlite', file, '--html', html]);
    expect(JSON.parse(stdout)).toMatchObject({
      ticketId: 'WE-2',
      final: { overrunDays: 1 },
      penalty: { amountCents: 12_000 },
      verdict: { sound: true },
    });
    expect(readFileSync(html, 'utf8')).toContain('Relecture de la DI WE-2');
  });
});
