/** Search's door. */
export { SearchScreen } from './SearchScreen';
