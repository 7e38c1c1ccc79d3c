package dev.roadie.model.certs;

import dev.roadie.model.wire.Names;

/**
 * Certificate names and the topic of each certificate's stream, as the hub and its clients
 * share them: like service names, so that no name can be a path trick such as {@code ..} or
 * {@code a/b}.
 */
public final class CertificateNames {
    /** Why a name was refused, as every refusal says it. */
    public static final String RULE = "certificate names are 1-64 characters of a-z, 0-9, '.', '_' or '-',"
            + " starting with a letter or digit";

    /** The topic prefix of a certificate's stream: {@code cert:NAME}. */
    public static final String TOPIC_PREFIX = "cert:";

    private CertificateNames() {
    }

    /** Whether {@code name} is a valid certificate name. */
    public static boolean isValid(String name) {
        return Names.isName(name) && !name.contains("..");
    }

    /**
     * Returns {@code name} if it is a valid certificate name.
     *
     * @throws IllegalArgumentException saying the {@link #RULE} and the name refused
     */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            String shown = name == null ? "nothing"
                    : "'" + (name.length() > 70 ? name.substring(0, 70) + "..." : name) + "'";
            throw new IllegalArgumentException(RULE + "; got " + shown);
        }
        return name;
    }

    /**
     * The topic of certificate {@code name}'s stream: {@code cert:NAME}.
     *
     * @throws IllegalArgumentException when {@code name} is not a valid certificate name
     */
    public static String topic(String name) {
        return TOPIC_PREFIX + requireValid(name);
    }

    /** Whether {@code topic} is a certificate's stream. */
    public static boolean isCertificateTopic(String topic) {
        return topic != null && topic.startsWith(TOPIC_PREFIX);
    }

    /** The certificate name of a {@code cert:NAME} topic. */
    public static String fromTopic(String topic) {
        return topic.substring(TOPIC_PREFIX.length());
    }
}
