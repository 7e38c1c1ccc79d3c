package dev.roadie.hub.pairing;

import dev.roadie.hub.auth.IssuedToken;

/** What a device hears when it polls with its device code, or redeems an invite. */
public sealed interface PollResult {
    /** The RFC 8628 / RFC 6749 error name, or {@code null} for a token. */
    String error();

    /** The owner has not decided yet: poll again after the interval. */
    record Pending() implements PollResult {
        @Override
        public String error() {
            return "authorization_pending";
        }
    }

    /** Polled sooner than the interval: wait longer. */
    record SlowDown() implements PollResult {
        @Override
        public String error() {
            return "slow_down";
        }
    }

    /** The code expired before it was approved or redeemed: start again. */
    record Expired() implements PollResult {
        @Override
        public String error() {
            return "expired_token";
        }
    }

    /** The owner denied it. */
    record Denied() implements PollResult {
        @Override
        public String error() {
            return "access_denied";
        }
    }

    /** No such code, or one already used. */
    record Unknown() implements PollResult {
        @Override
        public String error() {
            return "invalid_grant";
        }
    }

    /** Approved: here is the device's token, shown this once. */
    record Granted(IssuedToken token) implements PollResult {
        @Override
        public String error() {
            return null;
        }
    }
}
