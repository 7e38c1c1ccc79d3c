/**
 * The Roadie desktop app (JavaFX): pairing, search, queue and now playing. Each screen is a
 * View and a ViewModel side by side ({@code pairing}, {@code main}); {@code hub} is what they
 * need of the hub, over the Java SDK; {@code settings} is the file the app remembers in.
 */
package dev.roadie.desktop;
