/**
 * Certificates the hub issues, installed beside a service and followed across renewals.
 * The entry point is {@link dev.roadie.certs.deploy.CertificateWatcher}: it subscribes to
 * {@code cert:NAME}, and on each {@code cert.issued} push writes the files
 * ({@link dev.roadie.certs.deploy.CertificateFiles}), runs the service's reload
 * ({@link dev.roadie.certs.deploy.ReloadCommand}), optionally confirms that the new certificate is
 * served ({@link dev.roadie.certs.deploy.ServedCertificateCheck}), reports {@code cert.installed},
 * and rolls back to the previous files when a step fails:
 *
 * <pre>{@code
 * CertificateDeployer deployer = CertificateDeployer.builder(
 *                 new CertificateFiles(Path.of("/etc/roadie/certs"), "example.org", CertificateLayout.PKCS12, password))
 *         .reload(ReloadCommand.parse("systemctl reload my-service"))
 *         .check(URI.create("https://localhost:8443"))
 *         .build();
 * CertificateWatcher watcher = CertificateWatcher.start(client, deployer,
 *         event -> log.info("certificate: {}", event));
 * }</pre>
 *
 * The bundle, its subjects and the name rule are the protocol's, from {@code dev.roadie.model.certs}.
 * This module sits on top of the SDK ({@code hub-client}) so that the SDK stays the small core.
 * Only the JDK is used to read keys and certificates (PKCS#8 PEM keys, X.509 PEM chains), so
 * that the deployer stays light. Key material is never logged and never part of a {@code toString()}.
 */
package dev.roadie.certs.deploy;
