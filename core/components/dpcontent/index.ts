/** SMS_DP_CONTENT_SERVICE (docs/content-service.md). */
export { createContentService, type ContentServiceOptions } from './content-service';
export { contentServiceLog, contentServiceName } from './names';
