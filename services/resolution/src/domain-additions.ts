// The domain rules this service relies on for patches and articles, in one place.
export {
  citableArticle,
  deliverablePatch,
  type KnownPatch,
  type PatchLifecycleEvent,
  type PatchLifecycleState,
  patchLifecycleDecider,
  patchLifecycleEventSchemas,
} from '@hotline/domain';
