import { describe, expect, it } from 'vitest';
import { renderWorkedExamples } from './worked-examples-report.ts';

describe('the worked examples demo', () => {
  it('speaks French: due instants, overruns and penalties in the French locale', () => {
    const report = renderWorkedExamples('fr');
    expect(report).toContain('Contournement    P2  échéance ven. 15/05/2026 10:00 UTC+2');
    expect(report).toContain('Pénalité : 336,00\u00a0€');
    expect(report).toContain('Pénalité : 120,00\u00a0€');
    expect(report).toContain('Résolution       P3  échéance ven. 05/06/2026 17:00 UTC+2');
    expect(report).toContain('Dans les délais : oui');
    expect(report).toContain('Prise en charge  P1  échéance lun. 14/09/2026 10:00 UTC+2  non atteinte  → dépassée');
  });

  it('speaks English on request', () => {
    const report = renderWorkedExamples('en');
    expect(report).toContain('Penalty: €336.00');
    expect(report).toContain('that is 7 day(s) late');
  });
});
