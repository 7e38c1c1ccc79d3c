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

    /** The names of the certificates (a set), and also where a certificate issued or asked for is announced. */
    String certs() {
        return prefix + ":certs";
    }

    /** Certificate {@code name}: a hash of its fields, its private key still encrypted under the master key. */
    String cert(String name) {
        return prefix + ":cert:" + name;
    }

    /** The serials ever issued or imported for certificate {@code name} (a set). */
    String certSerials(String name) {
        return prefix + ":cert-serials:" + name;
    }

    /** Who serves which serial of certificate {@code name}: a hash by service, {@code serial TAB millis}. */
    String certInstalled(String name) {
        return prefix + ":cert-installed:" + name;
    }

    /** The ACME account key pairs by directory URL, encrypted under the master key (a hash). */
    String acmeAccounts() {
        return prefix + ":acme-accounts";
    }

    /** A known text encrypted under the cluster's master key: a hub whose key does not open it may not join. */
    String keyCheck() {
        return prefix + ":key-check";
    }

    /**
     * The services' secrets by {@code KIND/NAME}, encrypted under the master key (a hash), and also
     * where a service's new secrets are announced, encrypted as well.
     */
    String secrets() {
        return prefix + ":secrets";
    }
}
