/** A clock the workers take as a dependency, so tests can move time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
