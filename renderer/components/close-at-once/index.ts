export { CloseAtOnce } from './close-at-once';
