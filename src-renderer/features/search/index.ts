/** Search's door. */
export { SearchScreen } from './SearchScreen';
export { useSearchKey } from './useSearchKey';
export { openSearch } from './searchFocus';
export { useSearchHits } from './useSearchHits';
export { useDebounced } from './useDebounced';
export { Marked } from './Marked';
export { KIND_NAME, highlightParts, routeOfHit, hitKey, type TextPart } from './searchModel';
/** Roving focus over a rendered list (one tab stop, arrows move): Home's shelves use it too. */
export { focusItem, itemsIn, targetOf } from './rovingList';
