package dev.roadie.hub.store;

import java.time.Instant;

/**
 * One line of the audit log: who did what, when.
 *
 * @param id increasing number, the order of the entries
 * @param at when it was recorded
 * @param actor who did it: a token name, {@code cli}, {@code hub}, ...
 * @param action what was done, such as {@code token.create}
 * @param detail free text, may be null; never a secret
 */
public record AuditEntry(long id, Instant at, String actor, String action, String detail) {
}
