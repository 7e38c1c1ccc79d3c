package dev.roadie.cli.demo;

import dev.roadie.client.RequestFailedException;
import dev.roadie.model.music.Track;

/** Turns what a person typed (words or a link) into a track to queue. */
@FunctionalInterface
interface TrackFinder extends AutoCloseable {

    /**
     * The best track for {@code query}.
     *
     * @throws RequestFailedException when nothing was found or the search could not be done; the
     *                                message says which, for the person who asked
     */
    Track find(String query);

    /** Releases what the finder holds (its HTTP client); nothing by default. */
    @Override
    default void close() {
    }
}
