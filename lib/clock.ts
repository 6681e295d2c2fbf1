/** The current instant. Injected wherever time decides an outcome, so tests can stand on a boundary. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
