/**
 * Source managers from a plugins folder: lavaplayer {@code AudioSourceManager}s (YouTube's
 * {@code youtube-source} among them, which is not on Maven Central) loaded from jars at start, each
 * plugin in a class loader of its own that shares lavaplayer's API with the node and keeps its own
 * copies of everything else. {@link dev.roadie.audio.plugin.SourcePlugins} is the entry point.
 */
package dev.roadie.audio.plugin;
