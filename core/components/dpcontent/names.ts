/** The content service: the HTTP side of BITS-enabled distribution points, and its log. */
export const contentServiceName = 'SMS_DP_CONTENT_SERVICE';
export const contentServiceLog = 'dpcontent.log';
