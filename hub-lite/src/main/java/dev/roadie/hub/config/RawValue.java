package dev.roadie.hub.config;

/**
 * A setting's value as written, before it is read into its type, and where it was written:
 * kept together so that any later complaint about the value can say where to fix it.
 *
 * @param text   the value as written; empty when the file gave the key no value
 * @param source where it came from: a file path, an environment variable, the command line or the built-in defaults
 */
record RawValue(String text, String source) {
}
