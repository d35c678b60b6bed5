import type { AnyTopic } from '../topic/topic-contract.ts';
import { alertsTopic } from './alerts.ts';
import { eventsTopic } from './events.ts';
import { inboundTopic } from './inbound.ts';

/** Every topic of the hotline (dead-letter topics come with theirs). */
export const supportTopics: readonly AnyTopic[] = [inboundTopic, eventsTopic, alertsTopic] as readonly AnyTopic[];
