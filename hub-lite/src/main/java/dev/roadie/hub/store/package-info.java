/**
 * The hub's durable state: one SQLite database in the data folder ({@code roadie.db}), its
 * schema migrations, and the audit log. Everything here may be used by two processes at once
 * (a running hub and the {@code roadie token} command), which SQLite's WAL mode and a busy
 * timeout make safe.
 */
package dev.roadie.hub.store;
