import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial.js';
import { up as searchAndState } from './002-search-and-state.js';
import { up as stateTime } from './003-state-time.js';
import { up as localMetadata } from './004-local-metadata.js';
import { up as recoveryExtrasParts } from './005-recovery-extras-parts.js';
import { up as typoSearch } from './006-typo-search.js';
import { up as pagedQueries } from './007-paged-queries.js';
import { up as screens } from './008-screens.js';
import { up as movieFacets } from './009-movie-facets.js';
import { up as untitledEpisodeHits } from './010-untitled-episode-hits.js';
import { up as coveringSorts } from './011-covering-sorts.js';
import { up as genres } from './012-genres.js';

/**
 * Every migration, in order; entry i takes the schema from user_version i to i + 1.
 * Important: append only. A shipped migration is never edited or reordered.
 */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [initial, searchAndState, stateTime, localMetadata, recoveryExtrasParts, typoSearch, pagedQueries, screens, movieFacets, untitledEpisodeHits, coveringSorts, genres];
