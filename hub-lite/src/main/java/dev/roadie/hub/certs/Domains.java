package dev.roadie.hub.certs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The domains a certificate is for: DNS names, and wildcards one level deep ({@code *.example.org}). */
final class Domains {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Domains() {
    }

    /** The domains in lower case, without duplicates; refused unless each is a DNS name with a dot. */
    static List<String> require(List<String> domains) {
        if (domains == null || domains.isEmpty()) {
            throw new CertificateRefusedException("'domains' must list at least one DNS name, like example.org");
        }
        if (domains.size() > 100) {
            throw new CertificateRefusedException("'domains' may list at most 100 names");
        }
        List<String> checked = new ArrayList<>();
        for (String domain : domains) {
            String lower = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
            String rest = lower.startsWith("*.") ? lower.substring(2) : lower;
            String[] labels = rest.split("\\.", -1);
            boolean valid = lower.length() <= 253 && labels.length >= 2;
            for (String label : labels) {
                valid &= LABEL.matcher(label).matches();
            }
            if (!valid) {
                throw new CertificateRefusedException("'" + domain + "' is not a DNS name like example.org or"
                        + " *.example.org");
            }
            if (!checked.contains(lower)) {
                checked.add(lower);
            }
        }
        return List.copyOf(checked);
    }
}
