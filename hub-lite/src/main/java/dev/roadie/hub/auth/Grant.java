package dev.roadie.hub.auth;

/**
 * One {@code ACTION:PATTERN} scope, parsed. The pattern is {@code *}, an exact value, or a
 * prefix followed by {@code *}.
 */
record Grant(String action, String pattern) {
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
