/**
 * The {@code roadie} command line: picocli commands that work on the data folder directly, so
 * that they run whether or not a hub is running.
 */
package dev.roadie.hub.cli;
