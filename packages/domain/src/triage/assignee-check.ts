import type { Agent, AgentState } from '../agent/agent-decider.ts';
import { type DomainError, domainError } from '../shared/domain-error.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * Whom a manager may assign a ticket to: an agent of the hotline who has not left. The ticket's
 * decider cannot tell, since it knows no agents. Availability and skills are the manager's call: they
 * may give a ticket to an agent back tomorrow, or to one who is learning the product.
 */
export function checkAssignee(agentId: string, state: AgentState): Result<Agent, DomainError> {
  if (state.status === 'none') {
    return err(
      domainError('agent.not_found', `Cannot assign to agent ${agentId}: the agent never joined`, { agentId }),
    );
  }
  if (state.status === 'left') {
    return err(domainError('agent.left', `Cannot assign to agent ${agentId}: the agent has left`, { agentId }));
  }
  return ok(state);
}
