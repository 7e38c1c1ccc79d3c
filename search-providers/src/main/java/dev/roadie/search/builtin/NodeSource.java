package dev.roadie.search.builtin;

import java.util.List;

/**
 * Where the audio-node provider finds Lavalink nodes to search through. The hub implements it
 * from its registry (announced, up, with their passwords), so this module needs no hub code.
 */
@FunctionalInterface
public interface NodeSource {

    /** The nodes usable right now, best first; empty when none is up. */
    List<AudioNode> usableNodes();
}
