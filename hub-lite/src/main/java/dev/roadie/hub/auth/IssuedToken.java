package dev.roadie.hub.auth;

import java.util.Objects;

/**
 * A token just created: the only moment the token itself exists outside its holder.
 * {@link #toString()} leaves the token out, so that logging this record cannot leak it.
 *
 * @param info what may be shown about it
 * @param token the token, {@code rd_<id>_<secret>}, to show once and then forget
 */
public record IssuedToken(TokenInfo info, String token) {
    public IssuedToken {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IssuedToken[info=" + info + ", token=(hidden)]";
    }
}
