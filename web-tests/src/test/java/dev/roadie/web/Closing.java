package dev.roadie.web;

/**
 * Ends a test's rig (browser, bot, clients, hub, fixture servers) in the order given: each part
 * is closed even when an earlier one failed to close or was never started (null), and the first
 * failure is thrown with the others attached.
 */
final class Closing {
    private Closing() {
    }

    static void all(AutoCloseable... parts) {
        Exception first = null;
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first != null) {
            throw new IllegalStateException("closing the test's rig failed", first);
        }
    }
}
