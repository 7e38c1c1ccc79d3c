package dev.roadie.hub.auth;

/** A token split into its id, used to look it up, and its secret, checked against the stored hash. */
record TokenParts(String id, String secret) {
    @Override
    public String toString() {
        return "TokenParts[id=" + id + ", secret=(hidden)]";
    }
}
