// Rules this service added to the domain (packages/domain/src/patch and knowledge) that the domain's
// index does not export yet: imported by path from this one place, until `@hotline/domain` exports
// them and this file becomes an import from the package (see the README, "Shared packages").
export { citableArticle } from '../../../packages/domain/src/knowledge/article-citation.ts';
export {
  deliverablePatch,
  type KnownPatch,
  type PatchLifecycleState,
  patchLifecycleDecider,
} from '../../../packages/domain/src/patch/patch-lifecycle.ts';
export {
  type PatchLifecycleEvent,
  patchLifecycleEventSchemas,
} from '../../../packages/domain/src/patch/patch-registration.ts';
