package dev.roadie.hub.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When certificates are due and how failures back off, on a clock the test moves by hand. */
class RenewalsTest {
    private static final Duration MIN = Duration.ofMinutes(1);
    private static final Duration MAX = Duration.ofHours(6);


    private static StoredCertificate issued(Instant notBefore, Instant notAfter, Instant renewAfter, int failures,
            Instant nextAttempt) {
        return new StoredCertificate("web", List.of("web.example.org"), StoredCertificate.ACME, "0a", notBefore,
                notAfter, "sha256:00", notBefore, renewAfter, "pem", new byte[] {1}, failures == 0 ? null : "failed",
                failures, nextAttempt, false);
    }

    @Test
    void the_backoff_doubles_from_the_minimum_up_to_the_maximum() {
        assertThat(Renewals.backoff(1, MIN, MAX)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Renewals.backoff(2, MIN, MAX)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Renewals.backoff(3, MIN, MAX)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Renewals.backoff(9, MIN, MAX)).isEqualTo(Duration.ofMinutes(256));
        assertThat(Renewals.backoff(10, MIN, MAX)).isEqualTo(MAX);
        assertThat(Renewals.backoff(10_000, MIN, MAX)).isEqualTo(MAX);
    }

    @Test
    void renewal_is_due_when_a_third_of_the_lifetime_is_left() {
        Instant notBefore = Instant.parse("2026-11-01T00:00:00Z");
        Instant notAfter = notBefore.plus(Duration.ofDays(90));
        assertThat(Renewals.thirdLeft(notBefore, notAfter)).isEqualTo(notBefore.plus(Duration.ofDays(60)));
    }

    @Test
    void a_failed_attempt_waits_out_its_backoff_on_the_clock() {
        ManualClock clock = ManualClock.at("2026-11-21T08:00:00Z");
        Instant notBefore = clock.instant().minus(Duration.ofDays(61));
        StoredCertificate due = issued(notBefore, notBefore.plus(Duration.ofDays(90)),
                Renewals.thirdLeft(notBefore, notBefore.plus(Duration.ofDays(90))), 0, null);
        assertThat(CertificateRenewals.due(due, clock.instant())).isTrue();

        // Three failures in a row: the next attempt is 4 minutes away.
        Instant retry = clock.instant().plus(Renewals.backoff(3, MIN, MAX));
        StoredCertificate failed = issued(due.notBefore(), due.notAfter(), due.renewAfter(), 3, retry);
        clock.advance(Duration.ofMinutes(3).plusSeconds(59));
        assertThat(CertificateRenewals.due(failed, clock.instant())).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(CertificateRenewals.due(failed, clock.instant())).isTrue();
    }

    @Test
    void a_fresh_certificate_is_not_due_but_an_admins_request_is() {
        ManualClock clock = ManualClock.at("2026-11-21T08:00:00Z");
        Instant notBefore = clock.instant();
        Instant notAfter = notBefore.plus(Duration.ofDays(90));
        StoredCertificate fresh = issued(notBefore, notAfter, Renewals.thirdLeft(notBefore, notAfter), 0, null);
        assertThat(CertificateRenewals.due(fresh, clock.instant())).isFalse();
        StoredCertificate asked = new StoredCertificate(fresh.name(), fresh.domains(), fresh.source(), fresh.serial(),
                fresh.notBefore(), fresh.notAfter(), fresh.fingerprint(), fresh.issuedAt(), fresh.renewAfter(),
                fresh.fullchainPem(), fresh.privateKey(), null, 0, null, true);
        assertThat(CertificateRenewals.due(asked, clock.instant())).isTrue();
        clock.advance(Duration.ofDays(60));
        assertThat(CertificateRenewals.due(fresh, clock.instant())).isTrue();
    }

    @Test
    void a_declared_certificate_never_issued_is_due_at_once() {
        StoredCertificate declared = new StoredCertificate("web", List.of("web.example.org"), StoredCertificate.ACME,
                null, null, null, null, null, null, null, null, null, 0, null, false);
        assertThat(CertificateRenewals.due(declared, Instant.now())).isTrue();
        assertThat(declared.toString()).doesNotContain("pem");
    }
}
