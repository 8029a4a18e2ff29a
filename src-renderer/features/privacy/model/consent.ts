import type { Catalog, Category, ConsentState } from '../../../api';
import { CATEGORIES } from '../labels';

/**
 * Whether a category is in effect: the user's own choice, but off while the master switch is off. Main keeps
 * the choice itself (telemetry/consent.ts), so it is in effect again once the master switch is back on.
 */
export function effectivelyOn(consent: ConsentState, category: Category): boolean {
  return consent.master && (consent.categories[category] ?? false);
}

/** The categories being recorded right now: none while the master switch is off. */
export function recordingCategories(consent: ConsentState): Category[] {
  return CATEGORIES.filter((c) => effectivelyOn(consent, c));
}

/** The categories the first-run screen will turn on: none when consent is decided outside the app. */
export function chosenCategories(chosen: Record<Category, boolean>, locked: boolean): Category[] {
  return locked ? [] : CATEGORIES.filter((c) => chosen[c]);
}

/** The catalog's event types in one category (none while the catalog is loading). */
export function catalogEventsIn(catalog: Catalog | null, category: Category): Catalog['events'] {
  return catalog?.events.filter((e) => e.category === category) ?? [];
}
