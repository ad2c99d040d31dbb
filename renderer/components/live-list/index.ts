export { LiveList, type LiveListProps } from './live-list';
export { LiveListView, type ListViewEvents, type LiveListViewProps } from './live-list-view';
