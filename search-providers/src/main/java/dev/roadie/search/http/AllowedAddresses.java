package dev.roadie.search.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Internal addresses an operator lets the hub fetch from anyway, from one setting: a
 * comma-separated list of addresses and CIDR blocks, each with an optional port, or {@code none}.
 * {@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code 10.0.0.5:2333}, {@code 192.168.1.0/24:2333},
 * {@code fd00::/8}, {@code [fd00::5]:2333}. Names are not accepted: one would be looked up again
 * at fetch time and could then point elsewhere.
 */
public final class AllowedAddresses {

    private static final String FORMS = "addresses or CIDR blocks with an optional port, comma-separated, like "
            + "127.0.0.1:2333, 10.0.0.0/8 or [fd00::5]:2333, or none";

    /** One entry: a block and a port, or -1 for any port. */
    private record Rule(AddressBlock block, int port) {
        boolean allows(InetAddress address, int port) {
            return block.contains(address) && (this.port < 0 || this.port == port);
        }
    }

    private final String setting;
    private final List<Rule> rules;

    private AllowedAddresses(String setting, List<Rule> rules) {
        this.setting = setting;
        this.rules = List.copyOf(rules);
    }

    /** Nothing internal is allowed; refusals name {@code setting} as the place to allow it. */
    public static AllowedAddresses none(String setting) {
        return new AllowedAddresses(setting, List.of());
    }

    /**
     * Parses the setting's value.
     *
     * @param setting the setting's name, for messages ({@code search.audioNodes.allowedAddresses})
     * @param value   comma-separated entries, or {@code none}
     * @throws IllegalArgumentException naming the entry that is wrong and the forms accepted
     */
    public static AllowedAddresses parse(String setting, String value) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.equalsIgnoreCase("none")) {
                continue;
            }
            rules.add(rule(entry));
        }
        return new AllowedAddresses(setting, rules);
    }

    /** The forms {@link #parse} accepts, for a configuration error. */
    public static String forms() {
        return FORMS;
    }

    private static Rule rule(String entry) {
        try {
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("no ] after [");
                }
                String rest = entry.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected :PORT after ]");
                }
                return new Rule(AddressBlock.parse(entry.substring(1, close)), rest.isEmpty() ? -1 : port(rest.substring(1)));
            }
            int colon = entry.indexOf(':');
            if (colon >= 0 && colon == entry.lastIndexOf(':')) {
                // One colon: IPv4 (or an IPv4 block) with a port. IPv6 has at least two.
                return new Rule(AddressBlock.parse(entry.substring(0, colon)), port(entry.substring(colon + 1)));
            }
            return new Rule(AddressBlock.parse(entry), -1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + entry + "' is not one of " + FORMS, e);
        }
    }

    private static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port " + port + " is outside 1 to 65535");
        }
        return port;
    }

    /** Whether an entry allows this address and port. */
    public boolean allows(InetAddress address, int port) {
        return rules.stream().anyMatch(rule -> rule.allows(address, port));
    }

    /** The setting an operator changes to allow an address, for refusal messages. */
    public String setting() {
        return setting;
    }

    /** Whether nothing is allowed. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
