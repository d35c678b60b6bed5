import type { SlaTargetName, TargetStatus } from '@hotline/domain';

export type Language = 'fr' | 'en';

/** The demo's words, French first: the hotline's users speak French. */
export const demoMessages = {
  fr: {
    heading: 'Exemples de référence du domaine : échéances, dépassements et pénalités',
    example: (number: number, title: string) => `Exemple ${number} — ${title}`,
    received: (contract: string, at: string) => `  Contrat ${contract}, DI reçue le ${at}`,
    targets: { takeCharge: 'Prise en charge', workaround: 'Contournement', resolution: 'Résolution' },
    statuses: {
      met: 'respectée',
      breached: 'dépassée',
      running: 'en cours',
      paused: 'en pause',
      void: 'sans objet',
    },
    due: 'échéance',
    reached: 'atteinte le',
    notReached: 'non atteinte',
    noDue: 'suspendue',
    overrun: (duration: string, days: number) => `  Dépassement : ${duration}, soit ${days} jour(s) de retard`,
    penalty: (amount: string) => `  Pénalité : ${amount}`,
    withinDeadlines: (value: boolean | null) =>
      `  Dans les délais : ${value === null ? 'non résolue' : value ? 'oui' : 'non'}`,
    locale: 'fr-FR',
  },
  en: {
    heading: 'Worked examples of the domain: due instants, overruns and penalties',
    example: (number: number, title: string) => `Example ${number} — ${title}`,
    received: (contract: string, at: string) => `  Contract ${contract}, ticket received on ${at}`,
    targets: { takeCharge: 'Take-charge', workaround: 'Workaround', resolution: 'Resolution' },
    statuses: { met: 'met', breached: 'breached', running: 'running', paused: 'paused', void: 'void' },
    due: 'due',
    reached: 'reached on',
    notReached: 'not reached',
    noDue: 'paused',
    overrun: (duration: string, days: number) => `  Overrun: ${duration}, that is ${days} day(s) late`,
    penalty: (amount: string) => `  Penalty: ${amount}`,
    withinDeadlines: (value: boolean | null) =>
      `  Within deadlines: ${value === null ? 'not resolved' : value ? 'yes' : 'no'}`,
    locale: 'en-GB',
  },
} satisfies Record<
  Language,
  { targets: Record<SlaTargetName, string>; statuses: Record<TargetStatus, string>; [key: string]: unknown }
>;
