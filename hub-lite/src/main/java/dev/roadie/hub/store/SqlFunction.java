package dev.roadie.hub.store;

import java.sql.SQLException;

/**
 * A function that may throw {@link SQLException}, so that database work can be written as a
 * lambda and handed to {@link Database}, which turns the exception into a {@link StoreException}.
 *
 * @param <I> what the function takes, usually a {@link java.sql.Connection}
 * @param <O> what it returns
 */
@FunctionalInterface
public interface SqlFunction<I, O> {
    /** Applies the function. */
    O apply(I in) throws SQLException;
}
