package dev.roadie.hub.auth;

import dev.roadie.model.wire.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a token may do. Anything not granted is denied.
 *
 * <h2>Grammar</h2>
 * A scope is either a plain scope:
 * <ul>
 *   <li>{@code admin}: everything, including managing tokens;</li>
 *   <li>{@code registry}: read the registry and subscribe to its events;</li>
 *   <li>{@code broadcast}: send to the address {@code all} (no {@code send:} scope covers it);</li>
 *   <li>{@code metrics}: read {@code /metrics};</li>
 *   <li>{@code search}: search music and resolve links through the hub ({@code /api/search}, {@code /api/resolve},
 *       {@code /api/providers});</li>
 * </ul>
 * or {@code ACTION:PATTERN}, where ACTION is one of
 * <ul>
 *   <li>{@code send}: send to services of a kind ({@code send:music-bot}), or only to those of a kind
 *       whose names match, addressed by name ({@code send:music-bot/eu-1}, {@code send:music-bot/eu-*});</li>
 *   <li>{@code publish}: publish to a topic ({@code publish:player.*});</li>
 *   <li>{@code subscribe}: subscribe to a topic ({@code subscribe:player.123});</li>
 *   <li>{@code announce}: announce services of a kind ({@code announce:audio-node}), or only those
 *       of a kind whose names match ({@code announce:audio-node/ams-*}, {@code announce:audio-node/ams-3});</li>
 *   <li>{@code secrets}: read the secrets of services of a kind ({@code secrets:audio-node});</li>
 *   <li>{@code certs}: fetch certificates by name ({@code certs:hub.example.org});</li>
 * </ul>
 * and PATTERN is an exact value, {@code *} (any value), or a prefix ending in {@code *}
 * ({@code player.*} matches {@code player.123} and {@code player.}). A {@code *} anywhere else
 * is invalid. Exact values and prefixes follow the syntax of what they name: kinds and
 * certificate names are {@link Names#isName names}, topics are {@link Names#isTopic topics}, and
 * an {@code announce} or {@code send} pattern with a {@code /} is an exact kind, a {@code /}, then a
 * name or a name's prefix ending in {@code *}.
 * Anything else is invalid.
 */
public final class Scopes {
    /** The plain scopes, in the order they are documented. */
    static final List<String> PLAIN = List.of("admin", "registry", "broadcast", "metrics", "search");
    /** The actions of {@code ACTION:PATTERN} scopes. */
    static final List<String> ACTIONS = List.of("send", "publish", "subscribe", "announce", "secrets", "certs");
    /** The actions whose pattern may name services, {@code KIND/NAME}, rather than only kinds. */
    private static final List<String> OF_SERVICES = List.of("send", "announce");

    private static final String VALID_FORMS = "Valid scopes are admin, registry, broadcast, metrics, search, or ACTION:PATTERN"
            + " where ACTION is send, publish, subscribe, announce, secrets or certs and PATTERN is an exact value,"
            + " * or a prefix ending in * (like subscribe:player.*); announce and send also take KIND/NAME or"
            + " KIND/PREFIX* (like announce:audio-node/ams-*, send:music-bot/eu-1).";
    private static final Scopes NONE = new Scopes(List.of(), Set.of(), List.of());

    private final List<String> list;
    private final Set<String> plain;
    private final List<Grant> grants;

    private Scopes(List<String> list, Set<String> plain, List<Grant> grants) {
        this.list = list;
        this.plain = plain;
        this.grants = grants;
    }

    /**
     * Parses scopes written as in the class description. Duplicates are dropped; the order is kept.
     *
     * @throws IllegalArgumentException naming the first invalid scope and listing the valid forms
     */
    public static Scopes parse(Collection<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        Set<String> unique = new LinkedHashSet<>();
        Set<String> plain = new LinkedHashSet<>();
        List<Grant> grants = new ArrayList<>();
        for (String scope : scopes) {
            if (!unique.add(scope)) {
                continue;
            }
            if (scope != null && PLAIN.contains(scope)) {
                plain.add(scope);
            } else {
                grants.add(parseGrant(scope));
            }
        }
        return unique.isEmpty() ? NONE : new Scopes(List.copyOf(unique), Set.copyOf(plain), List.copyOf(grants));
    }

    /** No scopes at all: everything is denied. */
    public static Scopes none() {
        return NONE;
    }

    /**
     * Whether {@code action} (one of the ACTIONs: {@code send}, {@code subscribe}, ...) is allowed
     * on {@code value} (a kind, a topic, a certificate name). Unknown actions and null values are
     * denied, except for {@code admin}, which is allowed everything.
     */
    public boolean allows(String action, String value) {
        if (isAdmin()) {
            return true;
        }
        if (action == null || value == null || value.isEmpty()) {
            return false;
        }
        for (Grant grant : grants) {
            if (grant.action().equals(action) && grant.matches(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the token may announce service {@code kind}/{@code name}: granted by an
     * {@code announce} scope whose pattern matches the kind, or, when the pattern has a
     * {@code /}, matches {@code KIND/NAME}. Always for {@code admin}.
     */
    public boolean allowsAnnounce(String kind, String name) {
        return allowsService("announce", kind, name);
    }

    /**
     * Whether the token may send to service {@code kind}/{@code name} by its address
     * ({@code service:KIND/NAME}): granted by a {@code send} scope whose pattern matches the kind,
     * or, when the pattern has a {@code /}, matches {@code KIND/NAME}. Always for {@code admin}.
     * Sending to every service of a kind or to one the hub picks needs a pattern that matches the
     * kind itself ({@link #allows}): a token bound to named services addresses them by name.
     */
    public boolean allowsSendTo(String kind, String name) {
        return allowsService("send", kind, name);
    }

    private boolean allowsService(String action, String kind, String name) {
        if (isAdmin()) {
            return true;
        }
        if (kind == null || name == null || kind.isEmpty() || name.isEmpty()) {
            return false;
        }
        for (Grant grant : grants) {
            if (grant.action().equals(action) && grant.matchesService(kind, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the plain scope {@code plainScope} ({@code registry}, {@code broadcast},
     * {@code metrics}, {@code search} or {@code admin}) is granted; {@code admin} has them all.
     *
     * @throws IllegalArgumentException when {@code plainScope} is not a plain scope, which is a
     *     mistake in the calling code rather than something to deny quietly
     */
    public boolean has(String plainScope) {
        if (!PLAIN.contains(plainScope)) {
            throw new IllegalArgumentException("'" + plainScope + "' is not a plain scope; plain scopes are " + PLAIN);
        }
        return isAdmin() || plain.contains(plainScope);
    }

    /** The scopes as written, without duplicates. */
    public List<String> asList() {
        return list;
    }

    /** Whether nothing is granted. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    private boolean isAdmin() {
        return plain.contains("admin");
    }

    private static Grant parseGrant(String scope) {
        if (scope == null || scope.isEmpty()) {
            throw invalid(scope, "a scope cannot be empty");
        }
        int colon = scope.indexOf(':');
        if (colon < 0) {
            throw invalid(scope, "unknown scope");
        }
        String action = scope.substring(0, colon);
        String pattern = scope.substring(colon + 1);
        if (!ACTIONS.contains(action)) {
            throw invalid(scope, "unknown action '" + action + "'");
        }
        boolean topic = action.equals("publish") || action.equals("subscribe");
        Predicate<String> valid = topic ? Names::isTopic : Names::isName;
        String what = topic ? "a topic" : action.equals("certs") ? "a certificate name" : "a service kind";
        if (pattern.equals("*")) {
            return new Grant(action, pattern);
        }
        String value = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (value.contains("*")) {
            throw invalid(scope, "'*' may only end the pattern");
        }
        if (OF_SERVICES.contains(action) && value.indexOf('/') >= 0) {
            return ofNames(scope, action, pattern, value);
        }
        // Every non-empty prefix of a valid name or topic is itself valid, so one check covers both.
        if (!valid.test(value)) {
            throw invalid(scope, "'" + value + "' is not " + what);
        }
        return new Grant(action, pattern);
    }

    /** {@code ACTION:KIND/NAME} or {@code ACTION:KIND/PREFIX*}: an exact kind, and names that match. */
    private static Grant ofNames(String scope, String action, String pattern, String value) {
        int slash = value.indexOf('/');
        String kind = value.substring(0, slash);
        String name = value.substring(slash + 1);
        if (!Names.isName(kind)) {
            throw invalid(scope, "'" + kind + "' is not a service kind (before the '/' comes an exact kind)");
        }
        boolean prefix = pattern.endsWith("*");
        // An empty prefix (announce:audio-node/*) is every name of the kind.
        if (!(prefix && name.isEmpty()) && !Names.isName(name)) {
            throw invalid(scope, "'" + name + "' is not a service name" + (prefix ? " prefix" : ""));
        }
        return new Grant(action, pattern);
    }

    private static IllegalArgumentException invalid(String scope, String reason) {
        String shown = scope == null ? "nothing"
                : "'" + (scope.length() > 80 ? scope.substring(0, 80) + "..." : scope) + "'";
        return new IllegalArgumentException("Invalid scope " + shown + ": " + reason + ". " + VALID_FORMS);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scopes that && list.equals(that.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return "Scopes" + list;
    }
}
