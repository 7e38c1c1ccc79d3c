/**
 * The machinery behind {@link dev.roadie.client.RoadieClient}: links, the connection's life,
 * the outbox and the session protocol. Not an API: everything here may change without notice.
 * The protocol's state is touched only by tasks of the client's {@link dev.roadie.client.internal.ProtocolLoop},
 * one at a time; application code runs only on its event thread and, for request handlers, its
 * request threads ({@code RequestRunner}).
 */
package dev.roadie.client.internal;
