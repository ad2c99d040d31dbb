export { CheckList } from './check-list';
export type { CheckListItem, CheckListProps } from './check-list';
