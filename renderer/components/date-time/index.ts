export { formatDate, formatDateTime, formatTime, type DateTimeOptions } from './format-date-time';
