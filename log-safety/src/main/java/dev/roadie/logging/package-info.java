/**
 * Log lines that clients cannot forge. Every Roadie program's logback configuration includes
 * {@code dev/roadie/logging/escaping.xml}, which makes {@code %msg} and {@code %ex} escape
 * control characters ({@link dev.roadie.logging.LogText}); patterns stay as they were.
 */
package dev.roadie.logging;
