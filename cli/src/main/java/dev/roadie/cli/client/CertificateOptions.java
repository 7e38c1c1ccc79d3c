package dev.roadie.cli.client;

import dev.roadie.certs.deploy.CertificateDeployer;
import dev.roadie.certs.deploy.CertificateFiles;
import dev.roadie.certs.deploy.CertificateLayout;
import dev.roadie.certs.deploy.ReloadCommand;
import dev.roadie.certs.deploy.ServedCertificateCheck;
import dev.roadie.model.certs.CertificateNames;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code roadie certs pull} and {@code roadie certs watch} install and how: which
 * certificates, where, in which layout, the reload command and the served-certificate check.
 * A picocli mixin shared by both, so that they read the same options alike.
 */
public final class CertificateOptions {
    /** The variable holding the PKCS#12 password when {@code --p12-password} is not given. */
    public static final String P12_PASSWORD_VARIABLE = "ROADIE_P12_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", required = true,
            description = "The certificate's name (as in GET /api/certs); repeat for several.")
    List<String> names = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder of the files (created 0700). With --layout pem and several --name, each"
                    + " certificate goes to DIR/NAME/.")
    Path out;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "pem", converter = LayoutConverter.class,
            description = "pem: fullchain.pem + privkey.pem; combined: NAME.pem (key then chain, for haproxy);"
                    + " p12: NAME.p12 (PKCS#12, alias NAME). Default: ${DEFAULT-VALUE}.")
    CertificateLayout layout;

    @Option(names = "--p12-password", paramLabel = "PASSWORD", description = "The password of NAME.p12 (default: $"
            + P12_PASSWORD_VARIABLE + "; prefer the variable: command lines are visible to other users).")
    String p12Password;

    @Option(names = "--reload", paramLabel = "'COMMAND ARGS'",
            description = "Run after the files changed, without a shell: words split on spaces, '...' and \"...\""
                    + " quote (e.g. 'nginx -s reload'). A failure puts the previous files back.")
    String reload;

    @Option(names = "--reload-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class, description = "How long the reload may run (default: ${DEFAULT-VALUE}).")
    Duration reloadTimeout;

    @Option(names = "--check", paramLabel = "https://HOST:PORT",
            description = "After the reload, confirm that HOST:PORT presents the new certificate (SNI = HOST);"
                    + " otherwise put the previous files back.")
    URI check;

    @Option(names = "--check-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long --check keeps trying (default: ${DEFAULT-VALUE}).")
    Duration checkTimeout;

    private Map<String, String> environment = System.getenv();

    /** Uses {@code environment} instead of the process environment, for tests. */
    void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    /** One deployer per certificate name, in the order given; a usage error for a bad option. */
    List<CertificateDeployer> deployers() {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        ReloadCommand reloadCommand = null;
        ServedCertificateCheck served = null;
        try {
            distinct.forEach(CertificateNames::requireValid);
            if (reload != null) {
                reloadCommand = ReloadCommand.parse(reload);
            }
            if (check != null) {
                served = ServedCertificateCheck.of(check, checkTimeout);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        char[] password = null;
        if (layout == CertificateLayout.PKCS12) {
            String chosen = p12Password != null ? p12Password : environment.get(P12_PASSWORD_VARIABLE);
            if (chosen == null || chosen.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--layout p12 needs a password: set " + P12_PASSWORD_VARIABLE + " or pass --p12-password");
            }
            password = chosen.toCharArray();
        }
        List<CertificateDeployer> deployers = new ArrayList<>();
        for (String name : distinct) {
            // PEM pairs have fixed file names: several certificates in one folder would overwrite each other.
            Path folder = layout == CertificateLayout.PEM && distinct.size() > 1 ? out.resolve(name) : out;
            CertificateDeployer.Builder builder = CertificateDeployer.builder(
                    new CertificateFiles(folder, name, layout, password)).reloadTimeout(reloadTimeout);
            if (reloadCommand != null) {
                builder.reload(reloadCommand);
            }
            if (served != null) {
                builder.check(served);
            }
            deployers.add(builder.build());
        }
        return deployers;
    }

    /** {@code pem}, {@code combined} or {@code p12}. */
    static final class LayoutConverter implements ITypeConverter<CertificateLayout> {
        @Override
        public CertificateLayout convert(String value) {
            try {
                return CertificateLayout.fromWord(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
