export { closeDatabase, openCheckedDatabase, openDatabase, openSecondConnection, quarantine, type OpenedDatabase } from './open-database.js';
export { backupPath, migrate, type DatabaseSpec, type Migration } from './migrate.js';
export { CorruptDatabaseError, inUseMarkerPath, isCorruptionError } from './health.js';
