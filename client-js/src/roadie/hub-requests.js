/**
 * Requests to the hub itself (PROTOCOL.md, "Requests to the hub"): the address and the subjects,
 * mirrored once from the Java definition
 * `shared-model/src/main/java/dev/roadie/model/search/HubRequests.java`. A hub-lite test
 * (`WireCodesJsTest`) reads this file and checks every name and value against that class, so the
 * two cannot drift: change both together.
 */
export const HubRequests = Object.freeze({
  /** The address of the hub itself, usable only in a request. */
  ADDRESS: 'hub',
  /** A music search; the reply's body is what GET /api/search answers. */
  SEARCH: 'search',
  /** A link resolved to what it plays; the reply's body is what GET /api/resolve answers. */
  RESOLVE: 'resolve',
  /** The hub's search providers; the reply's body is what GET /api/providers answers. */
  PROVIDERS: 'providers',
  /** The messages of a streamed search, one per provider as it answers, before the reply. */
  SEARCH_PART: 'search.part',
  /** The scope each of these requests needs. */
  SCOPE: 'search',
});
