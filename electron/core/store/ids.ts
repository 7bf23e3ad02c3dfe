import { v7 as uuidv7 } from 'uuid';

/** A new record id: UUIDv7, time-ordered, made on the device so it needs no server. */
export function newId(): string {
  return uuidv7();
}
