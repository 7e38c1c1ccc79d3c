package dev.roadie.hub.auth;

/**
 * One {@code ACTION:PATTERN} scope, parsed. The pattern is {@code *}, an exact value, or a
 * prefix followed by {@code *}.
 */
record Grant(String action, String pattern) {
    /**
     * Whether this grant covers service {@code kind}/{@code name}: a pattern with a {@code /}
     * ({@code audio-node/ams-*}) is matched against {@code KIND/NAME}, one without against the kind.
     */
    boolean matchesService(String kind, String name) {
        return pattern.indexOf('/') >= 0 ? matches(kind + "/" + name) : matches(kind);
    }

    boolean matches(String value) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return value.equals(pattern);
    }
}
