import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { EndProductSupport, ProductCommand } from './product-commands.ts';
import { type ProductEvent, productEvent } from './product-events.ts';

export interface Product {
  readonly status: 'launched';
  readonly product: string;
  readonly name: string;
  /** Version → day its support ends, or null while supported. */
  readonly versions: Readonly<Record<string, string | null>>;
  readonly endOfSupport: string | null;
  readonly trainedAgents: readonly string[];
}

export type ProductState = { readonly status: 'none' } | Product;

export const initialProductState: ProductState = { status: 'none' };

type Decision = Result<ProductEvent[], DomainError>;

function refuse(code: string, command: ProductCommand, why: string): Decision {
  return err(domainError(code, `Cannot ${command.type} for product ${command.product}: ${why}`));
}

export function decideProduct(command: ProductCommand, state: ProductState): Decision {
  if (command.type === 'LaunchProduct') {
    if (state.status !== 'none') return refuse('product.already_launched', command, 'it is already launched');
    const { type: _type, ...launch } = command;
    return ok([productEvent('ProductLaunched', launch)]);
  }
  if (state.status === 'none') return refuse('product.not_found', command, 'it was never launched');
  switch (command.type) {
    case 'ReleaseProductVersion': {
      if (state.endOfSupport !== null) return refuse('product.end_of_support', command, 'its support has ended');
      if (command.version in state.versions) {
        return refuse('product.version_exists', command, `version ${command.version} is already released`);
      }
      const { type: _type, ...release } = command;
      return ok([productEvent('ProductVersionReleased', release)]);
    }
    case 'EndProductSupport':
      return endSupport(command, state);
    case 'RecordTraining': {
      const { type: _type, ...training } = command;
      return ok([productEvent('TrainingCompleted', training)]);
    }
    default:
      return assertNever(command);
  }
}

function endSupport(command: EndProductSupport, product: Product): Decision {
  const { version } = command;
  if (version !== undefined && !(version in product.versions)) {
    return refuse('product.version_unknown', command, `version ${version} was never released`);
  }
  const alreadyEnded = version === undefined ? product.endOfSupport : product.versions[version];
  if (alreadyEnded !== null && alreadyEnded !== undefined) {
    return refuse('product.already_end_of_support', command, `its support already ends on ${alreadyEnded}`);
  }
  const { type: _type, ...end } = command;
  return ok([productEvent('ProductEndOfSupport', end)]);
}

export function evolveProduct(state: ProductState, event: ProductEvent): ProductState {
  if (event.type === 'ProductLaunched') {
    const { product, name } = event;
    return { status: 'launched', product, name, versions: {}, endOfSupport: null, trainedAgents: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProductVersionReleased':
      return { ...state, versions: { ...state.versions, [event.version]: null } };
    case 'ProductEndOfSupport':
      if (event.version === undefined) return { ...state, endOfSupport: event.effectiveOn };
      return { ...state, versions: { ...state.versions, [event.version]: event.effectiveOn } };
    case 'TrainingCompleted':
      if (state.trainedAgents.includes(event.agentId)) return state;
      return { ...state, trainedAgents: [...state.trainedAgents, event.agentId] };
    default:
      return assertNever(event);
  }
}

export const productDecider = {
  decide: decideProduct,
  evolve: evolveProduct,
  initialState: initialProductState,
} as const;
