package dev.roadie.hub.api;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.certs.CertificateInfo;
import dev.roadie.hub.certs.CertificateRefusedException;
import dev.roadie.hub.certs.CertificateRenewals;
import dev.roadie.hub.certs.CertificateVault;
import dev.roadie.hub.certs.StoredCertificate;
import dev.roadie.model.certs.CertificateNames;
import dev.roadie.model.certs.InstallationReport;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /api/certs}: certificates as metadata, PEM and PKCS#12 for the tokens whose
 * {@code certs:} scopes name them, installation reports, and (admin) declaring, renewing,
 * importing and deleting. A certificate a token may not see answers 404, as if absent.
 */
public final class CertificatesController {
    private static final String PEM = "application/x-pem-file";
    private static final String P12_PASSWORD_HEADER = "X-Roadie-P12-Password";

    private final CertificateVault vault;
    private final CertificateRenewals renewals;

    /** @param renewals woken when a change calls for an issue or a check at once */
    public CertificatesController(CertificateVault vault, CertificateRenewals renewals) {
        this.vault = vault;
        this.renewals = renewals;
    }

    record CertificateList(@com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) List<CertificateInfo> certificates) {
    }

    record Declaration(String name, List<String> domains) {
    }

    record Import(String fullchainPem, String privkeyPem) {
    }

    void list(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        ctx.json(new CertificateList(vault.visibleTo(principal).stream().map(vault::info).toList()));
    }

    void get(Context ctx) {
        StoredCertificate cert = visible(ctx);
        if (notModified(ctx, cert)) {
            return;
        }
        ctx.json(vault.info(cert));
    }

    void fullchain(Context ctx) {
        StoredCertificate cert = issued(ctx);
        if (notModified(ctx, cert)) {
            return;
        }
        vault.audited(actor(ctx), "cert.fetch-chain", cert);
        ctx.contentType(PEM).result(cert.fullchainPem());
    }

    void privateKey(Context ctx) {
        StoredCertificate cert = issued(ctx);
        ctx.header("Cache-Control", "no-store");
        if (notModified(ctx, cert)) {
            return;
        }
        vault.audited(actor(ctx), "cert.fetch-key", cert);
        ctx.contentType(PEM).result(vault.privateKeyPem(cert).getBytes(StandardCharsets.US_ASCII));
    }

    void pkcs12(Context ctx) {
        StoredCertificate cert = issued(ctx);
        ctx.header("Cache-Control", "no-store");
        String password = ctx.header(P12_PASSWORD_HEADER);
        if (password == null || password.isEmpty()) {
            password = ctx.queryParam("password");
        }
        if (password == null || password.isEmpty()) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "give the PKCS#12 password in the header "
                    + P12_PASSWORD_HEADER + " (or ?password=)");
        }
        if (notModified(ctx, cert)) {
            return;
        }
        vault.audited(actor(ctx), "cert.fetch-p12", cert);
        ctx.contentType("application/x-pkcs12").result(vault.pkcs12(cert, password.toCharArray()));
    }

    void installed(Context ctx) {
        StoredCertificate cert = visible(ctx);
        InstallationReport report = body(ctx, InstallationReport.class, "send {\"serial\": \"<hex>\"}");
        try {
            vault.recordInstalled(cert.name(), actor(ctx), report.serial());
        } catch (CertificateRefusedException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        ctx.status(204);
    }

    void declare(Context ctx) {
        Declaration wanted = body(ctx, Declaration.class, "send {\"name\": ..., \"domains\": [...]}");
        try {
            vault.declare(wanted.name(), wanted.domains(), actor(ctx));
        } catch (CertificateRefusedException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        renewals.wake();
        ctx.status(202).json(vault.info(vault.find(wanted.name()).orElseThrow()));
    }

    void renew(Context ctx) {
        String name = name(ctx);
        try {
            if (!vault.requestRenewal(name, actor(ctx))) {
                throw notFound(name);
            }
        } catch (CertificateRefusedException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        renewals.wake();
        ctx.status(202).json(vault.info(vault.find(name).orElseThrow()));
    }

    void importPem(Context ctx) {
        String name = name(ctx);
        Import wanted = body(ctx, Import.class, "send {\"fullchainPem\": ..., \"privkeyPem\": ...}");
        try {
            StoredCertificate cert = vault.importPem(name, wanted.fullchainPem(), wanted.privkeyPem(), actor(ctx));
            // A check at once tells the registry if what was imported is close to expiry already.
            renewals.wake();
            ctx.status(201).json(vault.info(cert));
        } catch (CertificateRefusedException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    void delete(Context ctx) {
        String name = name(ctx);
        if (!vault.delete(name, actor(ctx))) {
            throw notFound(name);
        }
        ctx.status(204);
    }

    /** The named certificate, if this token may see it; 404 alike for absent and hidden. */
    private StoredCertificate visible(Context ctx) {
        String name = name(ctx);
        Principal principal = ApiAuth.principal(ctx);
        if (!CertificateVault.maySee(principal, name)) {
            throw notFound(name);
        }
        return vault.find(name).orElseThrow(() -> notFound(name));
    }

    private StoredCertificate issued(Context ctx) {
        StoredCertificate cert = visible(ctx);
        if (!cert.issued()) {
            throw new ApiException(404, ErrorCode.NOT_FOUND, "certificate " + cert.name() + " is not issued yet"
                    + (cert.lastError() == null ? "" : ": " + cert.lastError()));
        }
        return cert;
    }

    /** Sets the ETag; answers 304 when the caller has this serial already. */
    private static boolean notModified(Context ctx, StoredCertificate cert) {
        if (cert.serial() == null) {
            return false;
        }
        String etag = "\"" + cert.serial() + "\"";
        ctx.header("ETag", etag);
        String match = ctx.header("If-None-Match");
        if (match != null && (match.strip().equals("*") || List.of(match.split(",")).stream().map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals))) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    private static String name(Context ctx) {
        String name = ctx.pathParam("name");
        if (!CertificateNames.isValid(name)) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, CertificateNames.RULE);
        }
        return name;
    }

    private static <T> T body(Context ctx, Class<T> type, String expected) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw new ApiException(400, ErrorCode.INVALID_FRAME, expected);
            }
            return body;
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, expected);
        }
    }

    /** Who is calling, as installations and the audit log name it: the token's KIND/NAME. */
    private static String actor(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        return principal.kind() + "/" + principal.name();
    }

    private static ApiException notFound(String name) {
        return new ApiException(404, ErrorCode.NOT_FOUND, "no certificate " + name + " for this token");
    }
}
