package dev.roadie.hub.store;

import java.util.List;

/**
 * One step of the schema: the version it brings the database to and the statements that do it.
 * Once released, a migration is never edited; changes go into a new one.
 */
record Migration(int version, String description, List<String> statements) {
    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, got " + version);
        }
        statements = List.copyOf(statements);
    }
}
