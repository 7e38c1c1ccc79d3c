package dev.roadie.certs.deploy;

import dev.roadie.model.certs.CertificateBundle;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one certificate in service beside one program: installs the files, runs the reload
 * command, checks that the new serial is served; when the reload or the check fails, puts the
 * previous files back and runs the reload again for them. A bundle whose serial the files hold
 * already is left alone, so that a push replayed after a resume, or a pull run twice, does nothing.
 * <p>Shared by {@link CertificateWatcher} (pushes over the socket) and {@code roadie certs pull}
 * (downloads over REST); reporting the installed serial to the hub is theirs.
 */
public final class CertificateDeployer {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateDeployer.class);

    private final CertificateFiles files;
    private final ReloadCommand reload;
    private final Duration reloadTimeout;
    private final ServedCertificateCheck check;

    private CertificateDeployer(Builder builder) {
        this.files = builder.files;
        this.reload = builder.reload;
        this.reloadTimeout = builder.reloadTimeout;
        this.check = builder.check;
    }

    /** A deployer writing {@code files}, with no reload and no check until the builder adds them. */
    public static Builder builder(CertificateFiles files) {
        return new Builder(Objects.requireNonNull(files, "files"));
    }

    /** The files it writes. */
    public CertificateFiles files() {
        return files;
    }

    /** The reload command, if any. */
    public Optional<ReloadCommand> reload() {
        return Optional.ofNullable(reload);
    }

    /** Whether the files hold {@code serial} already. */
    public boolean isInstalled(String serial) {
        return files.installedSerial().map(installed -> Pem.sameSerial(installed, serial)).orElse(false);
    }

    /**
     * Installs {@code bundle}, reloads, checks. Never throws for a failed step: the returned event says
     * what happened, and after a failure the service has its previous certificate (or none, when this
     * was the first one: the new files are then removed and the reload is not run again).
     */
    public synchronized DeploymentEvent deploy(CertificateBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        if (!bundle.name().equals(files.name())) {
            return DeploymentEvent.failed(bundle.name(), bundle.serial(), DeploymentStage.INSTALL,
                    "this deployer installs certificate " + files.name() + ", not " + bundle.name(), false, null);
        }
        if (isInstalled(bundle.serial())) {
            LOG.info("Certificate {} serial {} is installed already", bundle.name(), bundle.serial());
            return DeploymentEvent.unchanged(bundle);
        }
        CertificateFiles.Replacement replacement;
        try {
            replacement = files.install(bundle);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("Cannot install certificate {} serial {}: {}", bundle.name(), bundle.serial(), e.getMessage());
            return DeploymentEvent.failed(bundle.name(), bundle.serial(), DeploymentStage.INSTALL, e.getMessage(),
                    false, null);
        }
        try {
            if (reload != null) {
                reload.run(reloadTimeout);
            }
            if (check != null) {
                check.await(bundle.serial());
            }
        } catch (DeploymentException e) {
            LOG.warn("Certificate {} serial {} failed at {}: {}; rolling back", bundle.name(), bundle.serial(),
                    e.stage().word(), e.getMessage());
            String rollbackError = rollBack(replacement);
            return DeploymentEvent.failed(bundle.name(), bundle.serial(), e.stage(), e.getMessage(),
                    rollbackError == null, rollbackError);
        }
        return DeploymentEvent.installed(bundle, replacement.files());
    }

    /** Puts the previous files back and reloads them; returns what went wrong, or null. */
    private String rollBack(CertificateFiles.Replacement replacement) {
        try {
            replacement.rollback();
        } catch (IOException e) {
            LOG.error("Cannot put the previous files of certificate {} back: {}", files.name(), e.toString());
            return "cannot put the previous files back: " + e.getMessage();
        }
        if (reload != null && replacement.hadPrevious()) {
            try {
                reload.run(reloadTimeout);
            } catch (DeploymentException e) {
                LOG.error("The previous files of certificate {} are back, but reloading them failed: {}", files.name(),
                        e.getMessage());
                return "the previous files are back, but reloading them failed: " + e.getMessage();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "CertificateDeployer[" + files + (reload == null ? "" : ", reload " + reload)
                + (check == null ? "" : ", check " + check) + "]";
    }

    /** Builds a {@link CertificateDeployer}. */
    public static final class Builder {
        private final CertificateFiles files;
        private ReloadCommand reload;
        private Duration reloadTimeout = ReloadCommand.DEFAULT_TIMEOUT;
        private ServedCertificateCheck check;

        private Builder(CertificateFiles files) {
            this.files = files;
        }

        /** The command that makes the service load the new files; none by default. */
        public Builder reload(ReloadCommand reload) {
            this.reload = reload;
            return this;
        }

        /** How long the reload may run; {@link ReloadCommand#DEFAULT_TIMEOUT} by default. */
        public Builder reloadTimeout(Duration reloadTimeout) {
            if (reloadTimeout == null || reloadTimeout.isNegative() || reloadTimeout.isZero()) {
                throw new IllegalArgumentException("the reload timeout must be positive");
            }
            this.reloadTimeout = reloadTimeout;
            return this;
        }

        /** Confirms after the reload that the service presents the new certificate; none by default. */
        public Builder check(ServedCertificateCheck check) {
            this.check = check;
            return this;
        }

        /** {@link #check(ServedCertificateCheck)} of {@code https://HOST:PORT} with the default deadline. */
        public Builder check(URI target) {
            return check(ServedCertificateCheck.of(target));
        }

        public CertificateDeployer build() {
            return new CertificateDeployer(this);
        }
    }
}
