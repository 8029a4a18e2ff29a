/** Home's door. */
export { HomeScreen } from './HomeScreen';
