package dev.roadie.model.wire;

import java.util.Arrays;

/** An enum whose values have a name on the wire other than their Java name. */
public interface WireName {

    /** The name used on the wire and in the docs. */
    String wire();

    /** The value of {@code type} named {@code wire}; throws with the list of valid names otherwise. */
    static <E extends Enum<E> & WireName> E find(Class<E> type, String wire) {
        for (E value : type.getEnumConstants()) {
            if (value.wire().equals(wire)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + wire + "', expected one of "
                + Arrays.stream(type.getEnumConstants()).map(WireName::wire).toList());
    }
}
