import type { Catalog, Category, ConsentState } from '../../../api';
import { CATEGORIES } from '../labels';

/** The categories being recorded right now: none while the master switch is off. */
export function recordingCategories(consent: ConsentState): Category[] {
  return CATEGORIES.filter((c) => consent.master && consent.categories[c]);
}

/** The categories the first-run screen will turn on: none when consent is decided outside the app. */
export function chosenCategories(chosen: Record<Category, boolean>, locked: boolean): Category[] {
  return locked ? [] : CATEGORIES.filter((c) => chosen[c]);
}

/** The catalog's event types in one category (none while the catalog is loading). */
export function catalogEventsIn(catalog: Catalog | null, category: Category): Catalog['events'] {
  return catalog?.events.filter((e) => e.category === category) ?? [];
}
