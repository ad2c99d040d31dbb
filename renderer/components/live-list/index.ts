export { LiveList, type LiveListProps } from './live-list';
