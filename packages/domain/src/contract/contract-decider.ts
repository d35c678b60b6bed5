import type { DomainError } from '../shared/domain-error.ts';
import { domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import { toEpochMs } from '../shared/time.ts';
import type {
  AmendContract,
  ContractCommand,
  RenewContract,
  SignContract,
  StartMaintenance,
  TerminateContract,
} from './contract-commands.ts';
import { type ContractEvent, contractEvent } from './contract-events.ts';
import { type ContractState, evolveContract, initialContractState, type SignedContract } from './contract-state.ts';

type Decision = Result<ContractEvent[], DomainError>;

export function decideContract(command: ContractCommand, state: ContractState): Decision {
  switch (command.type) {
    case 'SignContract':
      return sign(command, state);
    case 'AmendContract':
      return whenActive(command, state, (contract) => amend(command, contract));
    case 'StartMaintenance':
      return whenActive(command, state, () => startMaintenance(command));
    case 'RenewContract':
      return whenActive(command, state, (contract) => renew(command, contract));
    case 'TerminateContract':
      return whenActive(command, state, () => terminate(command));
    default:
      return assertNever(command);
  }
}

function sign(command: SignContract, state: ContractState): Decision {
  if (state.status !== 'none') {
    return err(domainError('contract.already_signed', `Contract ${command.contractId} is already signed`));
  }
  const { type: _type, ...data } = command;
  return ok([contractEvent('ContractSigned', data)]);
}

function whenActive(
  command: ContractCommand,
  state: ContractState,
  next: (contract: SignedContract) => Decision,
): Decision {
  if (state.status === 'none') {
    return err(
      domainError('contract.not_found', `Cannot ${command.type} contract ${command.contractId}: it is not signed`),
    );
  }
  if (state.status === 'terminated') {
    return err(
      domainError('contract.terminated', `Cannot ${command.type} contract ${command.contractId}: it is terminated`, {
        terminatedOn: state.terminatedOn,
      }),
    );
  }
  return next(state);
}

function amend(command: AmendContract, contract: SignedContract): Decision {
  const latest = contract.versions.at(-1)!;
  // History stays linear: an amendment cannot slip under terms that tickets may already be judged by.
  if (toEpochMs(command.effectiveFrom) < latest.effectiveFrom) {
    return err(
      domainError(
        'contract.amendment_backdated',
        `Amendment ${command.amendmentId} takes effect before the terms in force since ${new Date(latest.effectiveFrom).toISOString()}`,
      ),
    );
  }
  if (contract.versions.some((version) => version.amendmentId === command.amendmentId)) {
    return err(domainError('contract.amendment_exists', `Amendment ${command.amendmentId} is already recorded`));
  }
  const { type: _type, ...data } = command;
  return ok([contractEvent('ContractAmended', data)]);
}

function startMaintenance(command: StartMaintenance): Decision {
  const { type: _type, ...data } = command;
  return ok([contractEvent('MaintenanceStarted', data)]);
}

function renew(command: RenewContract, contract: SignedContract): Decision {
  if (contract.endsOn !== null && command.endsOn <= contract.endsOn) {
    return err(
      domainError('contract.renewal_not_later', `Renewal must end after ${contract.endsOn}, not on ${command.endsOn}`),
    );
  }
  const { type: _type, ...data } = command;
  return ok([contractEvent('ContractRenewed', data)]);
}

function terminate(command: TerminateContract): Decision {
  const { type: _type, ...data } = command;
  return ok([contractEvent('ContractTerminated', data)]);
}

export const contractDecider = {
  decide: decideContract,
  evolve: evolveContract,
  initialState: initialContractState,
};
