package dev.roadie.certs.deploy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A real TLS server on a free port of 127.0.0.1 standing in for a service (nginx, a Node bot):
 * it completes handshakes with whatever certificate its source gives at that moment, then hangs up.
 * {@link #readingFiles} reads the PEM pair from disk at each handshake, like a service that
 * picked up the files it was last reloaded with.
 */
public final class TlsServer implements AutoCloseable {
    private final SSLServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger handshakes = new AtomicInteger();

    private TlsServer(Supplier<Served> source) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new CurrentKey(source)}, null, new SecureRandom());
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        acceptor = Thread.ofPlatform().name("tls-server-" + socket.getLocalPort()).daemon().start(this::accept);
    }

    /** A server presenting what {@code current} holds at each handshake. */
    public static TlsServer serving(Supplier<TestCertificates.Issued> current) {
        return new TlsServer(() -> {
            TestCertificates.Issued issued = current.get();
            return new Served(issued.chain(), key(issued.privkeyPem()));
        });
    }

    /** A server presenting {@code fullchain.pem} and {@code privkey.pem} of {@code folder} as they are at each handshake. */
    public static TlsServer readingFiles(Path folder) {
        return new TlsServer(() -> {
            try {
                String chain = Files.readString(folder.resolve("fullchain.pem"), StandardCharsets.US_ASCII);
                return new Served(TestCertificates.parse(chain).toArray(X509Certificate[]::new),
                        key(Files.readString(folder.resolve("privkey.pem"), StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code https://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("https://127.0.0.1:" + port());
    }

    /** How many handshakes completed. */
    public int handshakes() {
        return handshakes.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (SSLSocket client = (SSLSocket) socket.accept()) {
                client.setSoTimeout(5000);
                client.startHandshake();
                handshakes.incrementAndGet();
            } catch (IOException e) {
                // A client that hung up mid-handshake, or the server closing: the next accept decides.
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static PrivateKey key(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Served(X509Certificate[] chain, PrivateKey key) {
    }

    /** Hands out the source's current certificate at each handshake. */
    private static final class CurrentKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "current";
        private final Supplier<Served> source;
        private final ThreadLocal<Served> handshake = new ThreadLocal<>();

        CurrentKey(Supplier<Served> source) {
            this.source = source;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return choose(keyType);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return choose(keyType);
        }

        private String choose(String keyType) {
            if (!"EC".equals(keyType)) {
                return null;
            }
            // One snapshot per handshake: the chain and key must come from the same files.
            handshake.set(source.get());
            return ALIAS;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Served served = handshake.get() == null ? source.get() : handshake.get();
            return served.chain();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Served served = handshake.get() == null ? source.get() : handshake.get();
            return served.key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
