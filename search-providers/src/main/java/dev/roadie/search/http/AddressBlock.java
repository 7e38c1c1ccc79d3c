package dev.roadie.search.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a
 * bare address is a block of one.
 */
public final class AddressBlock {

    private final byte[] prefix;
    private final int length;

    private AddressBlock(byte[] prefix, int length) {
        this.prefix = prefix;
        this.length = length;
    }

    /**
     * Parses {@code ADDRESS} or {@code ADDRESS/LENGTH}. Only address literals: a host name here
     * would be looked up once and could then change under the rule.
     *
     * @throws IllegalArgumentException when it is neither, saying what was expected
     */
    public static AddressBlock parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (address.isEmpty() || !address.matches("[0-9a-fA-F:.]+") || (!address.contains(":")
                && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            throw new IllegalArgumentException("'" + text + "' is not an address or a CIDR block like 10.0.0.0/8");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: never a lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address or a CIDR block like 10.0.0.0/8", e);
        }
        if (address.contains(":") && bytes.length == 4) {
            // Java turns ::ffff:a.b.c.d into an IPv4 address; keep the prefix length meaningful.
            bytes = mapped(bytes);
        }
        int bits = bytes.length * 8;
        int length = bits;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no prefix length after the slash, like /24", e);
            }
            if (length < 0 || length > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0 to " + bits);
            }
        }
        return new AddressBlock(masked(bytes, length), length);
    }

    /** Whether this block holds the address (an IPv4 block never holds an IPv6 address, and the other way). */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether this block holds the address given as its 4 or 16 bytes. */
    public boolean contains(byte[] address) {
        return address.length == prefix.length && Arrays.equals(masked(address, length), prefix);
    }

    /** The block's size in bits of prefix. */
    public int length() {
        return length;
    }

    private static byte[] masked(byte[] address, int length) {
        byte[] out = address.clone();
        for (int bit = length; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, out, 12, 4);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressBlock block && block.length == length && Arrays.equals(block.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + length;
    }

    @Override
    public String toString() {
        return text(prefix) + "/" + length;
    }

    /** An address as people write it: {@code 10.0.0.5}, {@code fd00::5} (not Java's {@code fd00:0:0:0:0:0:0:5}). */
    public static String text(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        // RFC 5952: the longest run of two or more zero groups (the first, on a tie) becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** {@link #text(byte[])} of an address. */
    public static String text(InetAddress address) {
        return text(address.getAddress());
    }
}
