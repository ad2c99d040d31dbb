export { formatDateTime, type DateTimeOptions } from './format-date-time';
