package dev.vaina.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
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
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        if (extra.isEmpty()) {
            return defaults.getTrustManagers()[0];
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (TrustManager tm : defaults.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                for (X509Certificate cert : ((X509TrustManager) tm).getAcceptedIssuers()) {
                    store.setCertificateEntry("default-" + n++, cert);
                }
            }
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
