import {
  formatMoney,
  HOUR_MS,
  MINUTE_MS,
  type PlayedExample,
  playWorkedExample,
  workedExamples,
} from '@hotline/domain';
import { demoMessages, type Language } from './demo-messages.ts';

const ZONE = 'Europe/Paris';

function instantFormat(locale: string) {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: ZONE,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return (epochMs: number) => format.format(epochMs);
}

function duration(ms: number, language: Language): string {
  const days = Math.floor(ms / (24 * HOUR_MS));
  const hours = Math.floor((ms % (24 * HOUR_MS)) / HOUR_MS);
  const minutes = Math.round((ms % HOUR_MS) / MINUTE_MS);
  const unit = language === 'fr' ? { d: 'j', h: 'h', m: 'min' } : { d: 'd', h: 'h', m: 'min' };
  return `${days} ${unit.d} ${hours} ${unit.h} ${minutes} ${unit.m}`;
}

function renderExample(played: PlayedExample, language: Language): string[] {
  const words = demoMessages[language];
  const when = instantFormat(words.locale);
  const { example, sla, penalty } = played;
  const lines = [
    words.example(example.number, example.title[language]),
    words.received(sla.coverage.contractId ?? '—', when(sla.timeline.receivedAt)),
  ];
  for (const target of sla.evaluation.targets) {
    const due = target.dueAt === null ? words.noDue : `${words.due} ${when(target.dueAt)}`;
    const reached = target.reachedAt === null ? words.notReached : `${words.reached} ${when(target.reachedAt)}`;
    lines.push(
      `  ${words.targets[target.target].padEnd(16)} ${target.priority}  ${due}  ${reached}  → ${words.statuses[target.status]}`,
    );
  }
  const currency = sla.terms?.currency ?? 'EUR';
  lines.push(words.overrun(duration(sla.evaluation.overrunMs, language), sla.evaluation.overrunDays));
  lines.push(words.penalty(formatMoney(penalty.amountCents, currency, words.locale)));
  lines.push(words.withinDeadlines(sla.evaluation.withinDeadlines));
  return lines;
}

/** The worked examples of DOMAIN.md as the domain computes them, for a person to read. */
export function renderWorkedExamples(language: Language): string {
  const sections = workedExamples.map((example) => renderExample(playWorkedExample(example), language).join('\n'));
  return [demoMessages[language].heading, '', sections.join('\n\n'), ''].join('\n');
}
