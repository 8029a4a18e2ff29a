import { randomBytes } from 'node:crypto';

/**
 * A new opaque id: 16 random bytes as base64url (22 characters).
 *
 * Important: ids are never derived from a path or a title. A hash of the path would leak what is in the
 * library to anyone who sees an id (telemetry, logs, URLs) and could be reversed by guessing names.
 */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
