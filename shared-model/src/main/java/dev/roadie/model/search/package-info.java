/**
 * Music search as the hub answers it over REST and the socket alike: the request to the hub
 * ({@link dev.roadie.model.search.HubRequests}) and the answers' wire types.
 */
package dev.roadie.model.search;
