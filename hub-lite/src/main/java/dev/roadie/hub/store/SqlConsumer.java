package dev.roadie.hub.store;

import java.sql.SQLException;

/**
 * A consumer that may throw {@link SQLException}: database work with no result, handed to
 * {@link Database#write(SqlConsumer)}.
 *
 * @param <I> what the consumer takes, usually a {@link java.sql.Connection}
 */
@FunctionalInterface
public interface SqlConsumer<I> {
    /** Performs the work. */
    void accept(I in) throws SQLException;
}
