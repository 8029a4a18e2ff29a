/**
 * Where each grid was left: its scroll offset and the card that had focus, by the address of the screen
 * that showed it (a route's hash), so Back lands where the user was. Module-level on purpose: a grid's
 * component is gone while its item's page is shown. Bounded: the least recently left go first.
 */
export interface GridPlace {
  scrollTop: number;
  active: number;
  /** Focus was in the grid when it was left (Enter or a click on a card), so it goes back there. */
  hadFocus: boolean;
}

const LIMIT = 40;
const places = new Map<string, GridPlace>();

export function recallGridPlace(key: string): GridPlace | undefined {
  return places.get(key);
}

export function rememberGridPlace(key: string, place: GridPlace): void {
  places.delete(key);
  places.set(key, place);
  if (places.size > LIMIT) places.delete(places.keys().next().value as string);
}

/** For tests: every grid starts at the top. */
export function forgetGridPlaces(): void {
  places.clear();
}
