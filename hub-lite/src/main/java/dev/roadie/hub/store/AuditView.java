package dev.roadie.hub.store;

import java.time.Instant;

/**
 * An audit entry as {@code GET /api/audit} shows it: of this hub, or in cluster mode of any hub.
 *
 * @param id  the entry's place in the log: the row number on a hub alone, the stream id in a cluster
 * @param hub the hub that recorded it (its epoch), null on a hub alone
 */
public record AuditView(String id, Instant at, String hub, String actor, String action, String detail) {
}
