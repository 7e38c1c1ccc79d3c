/**
 * Cluster mode: several hubs act as one through Redis (docs/CLUSTER.md). Each hub keeps its
 * presence (what it serves) in a leased Redis hash, keeps a copy of the others' in memory, and
 * hands a frame for a receiver on another hub to that hub's channel with one publish. Nothing
 * here is loaded for a hub on its own.
 */
package dev.roadie.hub.cluster;
