package dev.roadie.hub.cluster;

/** The names of a cluster's keys and channels in Redis, under its {@code cluster.name} (docs/CLUSTER.md). */
record ClusterKeys(String prefix) {

    /** The set of the hubs' ids. */
    String hubs() {
        return prefix + ":hubs";
    }

    /** Hub {@code hub}'s presence hash, and also its inbox channel (keys and channels do not meet). */
    String hub(String hub) {
        return prefix + ":hub:" + hub;
    }

    /** The prefix of the durable messages' keys (docs/CLUSTER.md, "Durable messages"). */
    String durable() {
        return prefix + ":durable";
    }

    /** Where a hub publishes its id after its presence changed. */
    String presence() {
        return prefix + ":presence";
    }

    /** The tokens of every hub (a hash by id), and also where a token created or revoked is announced. */
    String tokens() {
        return prefix + ":tokens";
    }

    /** The pairings of every hub (a hash by id), and also where a pairing's change is announced. */
    String pairings() {
        return prefix + ":pairings";
    }

    /** The audit log every hub adds to: a stream, capped. */
    String audit() {
        return prefix + ":audit";
    }

    /** The leader lease: the id of the hub that runs what must run once, expiring unless renewed. */
    String leader() {
        return prefix + ":leader";
    }

    /** Hub {@code hub}'s registry entries, one field per service ({@code KIND/NAME}) holding its entry as JSON. */
    String registry(String hub) {
        return prefix + ":registry:" + hub;
    }

    /** Where each hub publishes its registry changes and its services' stats, for the others' subscribers. */
    String registryEvents() {
        return prefix + ":registry";
    }

    /** Which hub's session serves {@code service} now ("HUB SESSION"), claimed by its latest hello or announce. */
    String claim(dev.roadie.model.registry.ServiceId service) {
        return prefix + ":claim:" + service;
    }

    /** What {@code roadie cluster migrate} already copied, by data folder, so that running it again copies nothing twice. */
    String migrated() {
        return prefix + ":migrated";
    }
}
