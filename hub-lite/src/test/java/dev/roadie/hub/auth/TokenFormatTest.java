package dev.roadie.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenFormatTest {
    private final TokenFormat format = new TokenFormat(new SecureRandom());

    @Test
    void splits_a_token_by_position_even_when_the_id_contains_the_separator() {
        String token = TokenFormat.format("ab_cd_ef-gh_", "s".repeat(43));

        assertThat(TokenFormat.parse(token)).contains(new TokenParts("ab_cd_ef-gh_", "s".repeat(43)));
    }

    @Test
    void ids_and_secrets_have_the_documented_sizes() {
        for (int i = 0; i < 200; i++) {
            String id = format.newId();
            String secret = format.newSecret();

            assertThat(id).matches("[A-Za-z0-9_][A-Za-z0-9_-]{11}");
            assertThat(secret).matches("[A-Za-z0-9_-]{43}");
            assertThat(TokenFormat.parse(TokenFormat.format(id, secret))).contains(new TokenParts(id, secret));
        }
    }

    @Test
    void the_hash_is_sha256_and_is_compared_exactly() {
        String secret = format.newSecret();
        byte[] hash = TokenFormat.hash(secret);

        assertThat(hash).hasSize(32);
        assertThat(TokenFormat.matches(secret, hash)).isTrue();
        assertThat(TokenFormat.matches(secret.substring(1), hash)).isFalse();
    }

    @Test
    void parts_do_not_show_the_secret() {
        assertThat(new TokenParts("id", "very-secret")).hasToString("TokenParts[id=id, secret=(hidden)]");
    }
}
