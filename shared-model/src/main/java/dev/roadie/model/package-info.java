/**
 * The records every part of Roadie speaks: wire frames, addresses, service descriptors,
 * tracks and the music-bot contract, plus the one JSON codec that reads and writes them.
 */
package dev.roadie.model;
