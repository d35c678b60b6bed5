import { acmeHelplineTerms, acmeMaintenanceTerms, type ContractTermsInput, type SkillLevel } from '@hotline/domain';

/** The demo hotline's clients, contracts and agents: enough variety for every screen to say something. */
export const demoContracts: readonly {
  contractId: string;
  clientId: string;
  reference: string;
  terms: ContractTermsInput;
}[] = [
  { contractId: 'ACME-M', clientId: 'ACME', reference: 'ACME-M-2026', terms: acmeMaintenanceTerms },
  { contractId: 'ACME-H', clientId: 'ACME', reference: 'ACME-H-2026', terms: acmeHelplineTerms },
  {
    contractId: 'GLOBEX-M',
    clientId: 'GLOBEX',
    reference: 'GLOBEX-M-2026',
    terms: {
      ...acmeMaintenanceTerms,
      products: ['CRM', 'PAY'],
      annualFeeCents: 3_600_000,
      // Strasbourg: Alsace-Moselle holidays (Good Friday, 26 December).
      calendar: { ...acmeMaintenanceTerms.calendar, holidays: { country: 'FR', region: '67' } },
    },
  },
  {
    contractId: 'INITECH-MH',
    clientId: 'INITECH',
    reference: 'INITECH-2026',
    terms: {
      ...acmeMaintenanceTerms,
      kinds: ['maintenance', 'helpline'],
      products: ['ERP', 'PAY'],
      annualFeeCents: 1_800_000,
      slaTargets: [...acmeMaintenanceTerms.slaTargets, ...acmeHelplineTerms.slaTargets],
    },
  },
];

export const demoClients = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA'] as const;

export const demoProducts: Record<(typeof demoClients)[number], readonly string[]> = {
  ACME: ['ERP'],
  GLOBEX: ['CRM', 'PAY'],
  INITECH: ['ERP', 'PAY'],
  UMBRELLA: ['ERP'],
};

export const demoAgents: readonly {
  agentId: string;
  name: string;
  role: 'agent' | 'manager';
  skills: { product: string; level: SkillLevel }[];
}[] = [
  {
    agentId: 'agent-ada',
    name: 'Ada Lovelace',
    role: 'agent',
    skills: [
      { product: 'ERP', level: 'expert' },
      { product: 'CRM', level: 'basic' },
    ],
  },
  { agentId: 'agent-bob', name: 'Bob Martin', role: 'agent', skills: [{ product: 'ERP', level: 'confirmed' }] },
  {
    agentId: 'agent-cyd',
    name: 'Cyd Charisse',
    role: 'agent',
    skills: [
      { product: 'CRM', level: 'expert' },
      { product: 'PAY', level: 'confirmed' },
    ],
  },
  { agentId: 'agent-dan', name: 'Dan Brown', role: 'agent', skills: [{ product: 'PAY', level: 'expert' }] },
  { agentId: 'manager-eve', name: 'Ève Durand', role: 'manager', skills: [] },
];

export const demoProblems: Record<string, readonly string[]> = {
  ERP: [
    'La facturation mensuelle s’arrête au premier client',
    'Écart de TVA sur les avoirs',
    'Export comptable vide',
    'Lenteur à la clôture de période',
  ],
  CRM: ['Doublons de contacts après import', 'Relances non envoyées', 'Tableau de bord commercial vide'],
  PAY: ['Bulletins de paie bloqués en production', 'Cotisations mal calculées', 'Virement SEPA rejeté'],
};
