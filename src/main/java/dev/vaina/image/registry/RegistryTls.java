package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for one registry: the JDK's default trust store plus every {@code *.crt} in
 * {@code <root>/<host[:port]>/} of each certs.d root (as containers/image reads /etc/containers/certs.d),
 * or, with {@code tlsVerify=false}, any certificate for any name.
 */
final class RegistryTls {
    private static X509TrustManager defaultTrust;

    private RegistryTls() {
    }

    /** vaina's own certs.d directories, then Podman's, so certificates set up for Podman work here too. */
    static List<Path> defaultCertsRoots(Map<String, String> env) {
        List<Path> roots = new ArrayList<>(List.of(Path.of("/etc/vaina/certs.d")));
        String configHome = env.get("XDG_CONFIG_HOME");
        if (configHome == null || configHome.isEmpty()) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            configHome = home + "/.config";
        }
        roots.add(Path.of(configHome, "vaina", "certs.d"));
        roots.add(Path.of("/etc/containers/certs.d"));
        return roots;
    }

    static SSLContext context(RegistryEndpoint endpoint, List<Path> certsRoots) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager trust = endpoint.tlsVerify() ? verifying(endpoint.host(), certsRoots) : new TrustAnything();
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("setting up TLS for registry " + endpoint.host() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sets the JDK's TLS up ahead of a command's first handshake, on a thread of its own (see
     * {@link HttpConnection#prepareAhead}): the provider and a context, a client hello with its key shares (their
     * curves' arithmetic), and, for a command that checks certificates, the JDK's trust store, kept for
     * {@link #verifying}.
     * A registry that answers plain HTTP still meets a handshake first when it is insecure and not remembered
     * (see {@link PlainHttpRegistries}). Failures are left to the handshake itself.
     */
    static void prepare(boolean verify) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {verify ? defaultTrust() : new TrustAnything()}, null);
            SSLEngine engine = context.createSSLEngine("registry.invalid", 443);
            engine.setUseClientMode(true);
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // nothing is set up ahead; the handshake says what is wrong, if anything is
        }
    }

    /** The JDK's default trust store's manager, read once per process: every certificate in it is parsed. */
    private static synchronized X509TrustManager defaultTrust() throws GeneralSecurityException {
        if (defaultTrust == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    defaultTrust = x509;
                    break;
                }
            }
            if (defaultTrust == null) {
                throw new GeneralSecurityException("the JDK's default trust manager is not an X.509 one");
            }
        }
        return defaultTrust;
    }

    private static TrustManager verifying(String host, List<Path> certsRoots) throws IOException, GeneralSecurityException {
        List<X509Certificate> extra = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Path> dirs = new ArrayList<>();
        for (Path root : certsRoots) {
            // A certs.d root holds one directory per registry; a --cert-dir holds certificates itself.
            dirs.add(root.resolve(host));
            dirs.add(root);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.crt")) {
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        for (Certificate cert : factory.generateCertificates(in)) {
                            extra.add((X509Certificate) cert);
                        }
                    } catch (GeneralSecurityException e) {
                        throw new IOException("reading CA certificate " + file + " failed: " + e.getMessage(), e);
                    }
                }
            }
        }
        X509TrustManager defaults = defaultTrust();
        if (extra.isEmpty()) {
            return defaults;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (X509Certificate cert : defaults.getAcceptedIssuers()) {
            store.setCertificateEntry("default-" + n++, cert);
        }
        for (X509Certificate cert : extra) {
            store.setCertificateEntry("certs.d-" + n++, cert);
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(store);
        return combined.getTrustManagers()[0];
    }

    /**
     * Accepts every certificate. Being an X509ExtendedTrustManager matters: the JDK then leaves host name
     * checks to it (and it does none), which is what {@code --tls-verify=false} means.
     */
    private static final class TrustAnything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
