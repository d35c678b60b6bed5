export type { ClosingRound } from './closing/elapsed-closer.ts';
export { ArticleView } from './knowledge/article-view.ts';
export { Delivery } from './patches/patch-delivery.ts';
export { PatchView } from './patches/patch-view.ts';
export { createResolutionService, type ResolutionOptions, type ResolutionService } from './resolution-service.ts';
export { AnswerKind } from './tickets/resolution-routes.ts';
