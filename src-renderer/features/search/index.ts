/** Search's door. */
export { SearchScreen } from './SearchScreen';
export { useSearchKey } from './useSearchKey';
export { openSearch } from './searchFocus';
export { useSearchHits } from './useSearchHits';
export { useDebounced } from './useDebounced';
export { Marked } from './Marked';
export { KIND_NAME, routeOfHit, hitKey, type TextPart } from './searchModel';
