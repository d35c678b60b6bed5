/**
 * Stream names of the aggregates that steer the hotline (issue #11), beside the platform's `streams`
 * (which holds the older ones): one place, so no service spells them its own way.
 */
export const steeringStreams = {
  training: (trainingId: string) => `training-${trainingId}`,
  billing: (clientId: string) => `billing-${clientId}`,
  document: (documentId: string) => `document-${documentId}`,
  faq: (entryId: string) => `faq-${entryId}`,
} as const;
