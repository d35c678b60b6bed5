/** A payload or headers do not match the topic's schema. */
export class InvalidMessageError extends Error {
  readonly code = 'messaging.invalid_message';
  readonly topic: string;

  constructor(topic: string, detail: string) {
    super(`Invalid message for ${topic}: ${detail}`);
    this.name = 'InvalidMessageError';
    this.topic = topic;
  }
}

/**
 * Thrown by a handler for a message that no retry can fix (it refers to something that will never
 * exist, it breaks a rule): the message goes to the dead-letter topic at once.
 */
export class PermanentFailure extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentFailure';
    this.code = code;
  }
}

/** The consumer was stopped while a message was in hand: it stays uncommitted, for the next member. */
export class DeliveryInterrupted extends Error {
  readonly code = 'messaging.delivery_interrupted';

  constructor() {
    super('The consumer stopped before the message was handled');
    this.name = 'DeliveryInterrupted';
  }
}

export class BusClosedError extends Error {
  readonly code = 'messaging.bus_closed';

  constructor() {
    super('The bus is closed');
    this.name = 'BusClosedError';
  }
}
