/**
 * An answer the management point has already serialized: the server sends its text as it is.
 * A whole policy is mostly policy bodies that Offer Manager stored as JSON text; parsing each one
 * only to serialize it again was most of what a policy answer cost the site.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
