import { describeMigrations } from '../sqlite/test-support/migrations.js';
import { TELEMETRY_DB } from './db.js';

describeMigrations('telemetry.db', TELEMETRY_DB);
