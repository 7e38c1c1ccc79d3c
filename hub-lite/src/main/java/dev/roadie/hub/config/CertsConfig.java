package dev.roadie.hub.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Managed certificates: the ACME CA they come from, how DNS-01 challenges are answered, how
 * failures are retried and where the key that encrypts private keys at rest is kept. Settings
 * that may be absent take the word {@code none}.
 *
 * @param directory       the ACME directory: an https URL or an acme4j URI like {@code acme://letsencrypt.org/staging}
 * @param email           the account's contact address, or none
 * @param eabKeyId        the key id of an external account binding (CAs such as ZeroSSL need one), or none
 * @param eabHmacKey      the base64url HMAC key of that binding, or none
 * @param trustedCa       a PEM file of extra CA certificates trusted for the ACME server (a private CA), or none
 * @param dnsProvider     who answers DNS-01 challenges: digitalocean, exec or none
 * @param digitalocean    the DigitalOcean DNS API
 * @param exec            the script that creates and removes TXT records
 * @param propagationWait how long to wait after creating the TXT records before asking the CA to check them
 * @param timeout         how long one issuance may take at the CA, challenges included
 * @param retryMin        the first wait after a failed issuance; each further failure doubles it
 * @param retryMax        the longest wait between failed attempts
 * @param checkInterval   how often certificates are checked for renewal
 * @param masterKeyFile   the file of the key that encrypts private keys at rest; auto puts it beside the data folder
 * @param masterKey       the key itself, base64 of 32 bytes, instead of the file (give it in the environment), or none
 */
public record CertsConfig(String directory, String email, String eabKeyId, String eabHmacKey, String trustedCa,
        String dnsProvider, DigitalOcean digitalocean, Exec exec, Duration propagationWait, Duration timeout,
        Duration retryMin, Duration retryMax, Duration checkInterval, String masterKeyFile, String masterKey) {

    /** The DNS providers there are. */
    public static final List<String> DNS_PROVIDERS = List.of("digitalocean", "exec", "none");

    public CertsConfig {
        directoryUri(directory);
        word("certs.email", email, "an e-mail address like admin@example.org, or none");
        word("certs.eabKeyId", eabKeyId, "the key id the CA gave, or none");
        word("certs.eabHmacKey", eabHmacKey, "the HMAC key the CA gave (base64url), or none");
        word("certs.trustedCa", trustedCa, "a PEM file path without spaces, or none");
        word("certs.masterKeyFile", masterKeyFile, "a file path without spaces, or auto");
        word("certs.masterKey", masterKey, "base64 of 32 random bytes, or none");
        if (!"none".equals(eabKeyId) && "none".equals(eabHmacKey)) {
            throw ConfigException.invalid("certs.eabHmacKey", "expected the HMAC key of the binding certs.eabKeyId names",
                    eabHmacKey);
        }
        if (!"none".equals(eabHmacKey)) {
            try {
                Base64.getUrlDecoder().decode(eabHmacKey.strip());
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid("certs.eabHmacKey", "expected base64url text, as the CA gives it", "(hidden)")
                        .because(e);
            }
        }
        Require.requireSet("certs.trustedCa", trustedCa);
        if (!DNS_PROVIDERS.contains(dnsProvider)) {
            throw ConfigException.invalid("certs.dnsProvider", "expected one of " + String.join(", ", DNS_PROVIDERS),
                    dnsProvider);
        }
        Require.requireSet("certs.digitalocean", digitalocean);
        Require.requireSet("certs.exec", exec);
        Require.atLeast("certs.propagationWait", propagationWait, Duration.ZERO);
        Require.atLeast("certs.timeout", timeout, Duration.ofSeconds(1));
        Require.atLeast("certs.retryMin", retryMin, Duration.ofMillis(1));
        Require.notShorterThan("certs.retryMax", retryMax, "certs.retryMin", retryMin);
        Require.atLeast("certs.checkInterval", checkInterval, Duration.ofMillis(10));
        Require.requireSet("certs.masterKeyFile", masterKeyFile);
        if (!"none".equals(masterKey)) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(masterKey.strip());
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid("certs.masterKey", "expected base64 of 32 random bytes", "(hidden)")
                        .because(e);
            }
            if (key.length != 32) {
                throw ConfigException.invalid("certs.masterKey", "expected base64 of 32 random bytes (openssl rand "
                        + "-base64 32)", "(hidden, " + key.length + " bytes)");
            }
        }
    }

    /** One word: these settings never hold spaces, so a stray space is a mistake worth naming. */
    static String word(String setting, String value, String expected) {
        if (value == null || value.isBlank() || value.strip().chars().anyMatch(Character::isWhitespace)) {
            throw ConfigException.invalid(setting, "expected " + expected, setting.endsWith("Key") ? "(hidden)" : value);
        }
        return value;
    }

    /** The ACME directory, parsed. */
    public URI directoryUri() {
        return directoryUri(directory);
    }

    /** The extra trusted CA file, if one is set. */
    public Optional<Path> trustedCaFile() {
        return optional(trustedCa).map(Path::of);
    }

    /** The account e-mail, if set. */
    public Optional<String> contactEmail() {
        return optional(email);
    }

    /** The external account binding key id, if set. */
    public Optional<String> eabKey() {
        return optional(eabKeyId);
    }

    /** The master key from the settings, if given there. */
    public Optional<byte[]> masterKeyBytes() {
        return optional(masterKey).map(key -> Base64.getDecoder().decode(key));
    }

    /** Where the master key file is: as set, or for auto, {@code DATA-master.key} beside the data folder. */
    public Path masterKeyPath(Path data) {
        if ("auto".equals(masterKeyFile)) {
            Path dir = data.toAbsolutePath().normalize();
            return dir.resolveSibling(dir.getFileName() + "-master.key");
        }
        return Path.of(masterKeyFile).toAbsolutePath().normalize();
    }

    /** The text, unless it is {@code none}. */
    static Optional<String> optional(String value) {
        return value == null || value.isBlank() || value.strip().equals("none") ? Optional.empty()
                : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        // The EAB key and the master key are secrets: never in a log line.
        return "CertsConfig[directory=" + directory + ", dnsProvider=" + dnsProvider + "]";
    }

    private static URI directoryUri(String value) {
        String expected = "expected an ACME directory URL like https://acme-v02.api.letsencrypt.org/directory"
                + " or acme://letsencrypt.org/staging";
        try {
            URI uri = new URI(Require.requireSet("certs.directory", value).strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?|acme")) {
                throw ConfigException.invalid("certs.directory", expected, value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ConfigException.invalid("certs.directory", expected, value).because(e);
        }
    }

    /**
     * DigitalOcean's DNS API (v2).
     *
     * @param apiUrl the API's base URL
     * @param token  a personal access token with write access to the domains, or none; give it in the environment
     */
    public record DigitalOcean(String apiUrl, String token) {
        public DigitalOcean {
            SearchConfig.url("apiUrl", apiUrl);
            word("token", token, "a DigitalOcean API token, or none");
        }

        /** The token, if set. */
        public Optional<String> apiToken() {
            return optional(token);
        }

        @Override
        public String toString() {
            return "DigitalOcean[apiUrl=" + apiUrl + "]";
        }
    }

    /**
     * A script that manages TXT records, called as {@code COMMAND present|cleanup FQDN VALUE} (as lego's exec provider).
     *
     * @param command the script's path, or none
     * @param timeout how long one call may run
     */
    public record Exec(String command, Duration timeout) {
        public Exec {
            word("command", command, "a script path without spaces, or none");
            Require.atLeast("timeout", timeout, Duration.ofMillis(1));
        }

        /** The command, if set. */
        public Optional<String> script() {
            return optional(command);
        }
    }
}
