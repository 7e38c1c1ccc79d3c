/**
 * Who may do what. Every client presents a bearer token ({@code rd_<id>_<secret>}); the hub
 * keeps only a hash of the secret and maps a valid token to a {@link dev.roadie.hub.auth.Principal}
 * whose {@link dev.roadie.hub.auth.Scopes} say what it may send, publish, subscribe to and
 * announce. Anything a scope does not grant is denied. {@link dev.roadie.hub.auth.Permissions}
 * holds the rules the socket and the REST API share, each refusal naming the missing scope.
 */
package dev.roadie.hub.auth;
