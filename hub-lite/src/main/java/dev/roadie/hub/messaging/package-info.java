/**
 * Messages, requests and gathers from a client to an address, with the rules they obey wherever
 * they come from: what the sender's token may send to, that a request has one receiver,
 * durable storage for known receivers only, the quotas and the deadlines.
 * {@link dev.roadie.hub.messaging.Messaging} is the one service the socket's dispatcher and the
 * REST API both call; it refuses with a {@link dev.roadie.hub.messaging.MessageRefusedException}
 * carrying a stable error code, which the socket turns into an error frame and REST into its
 * error body. How an address becomes receivers, and how calls wait for their answers, is
 * {@code dev.roadie.hub.routing}'s.
 */
package dev.roadie.hub.messaging;
