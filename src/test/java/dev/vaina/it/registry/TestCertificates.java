package dev.vaina.it.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * A certificate authority and a server certificate for 127.0.0.1 (SAN IP:127.0.0.1 and DNS:localhost),
 * made by openssl in {@code dir}. Every file is world-readable: the rootless test user's vaina and the
 * registry (running as root) both read them. Valid for two days, which is more than any test run.
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    private static final Duration OPENSSL = Duration.ofSeconds(60);

    public static TestCertificates create(Path dir) {
        Path caKey = dir.resolve("ca.key");
        Path caCert = dir.resolve("ca.crt");
        Path serverKey = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path serverCert = dir.resolve("server.crt");
        Path extensions = dir.resolve("server.ext");
        Tools.runOrFail(OPENSSL, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
                "-subj", "/CN=vaina test CA", "-keyout", caKey.toString(), "-out", caCert.toString(),
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Tools.runOrFail(OPENSSL, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-subj", "/CN=127.0.0.1",
                "-keyout", serverKey.toString(), "-out", csr.toString());
        try {
            Files.writeString(extensions, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                    + "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.runOrFail(OPENSSL, "openssl", "x509", "-req", "-sha256", "-days", "2", "-in", csr.toString(),
                "-CA", caCert.toString(), "-CAkey", caKey.toString(), "-CAcreateserial", "-out", serverCert.toString(),
                "-extfile", extensions.toString());
        makeReadable(caCert, serverCert, serverKey);
        return new TestCertificates(caCert, serverCert, serverKey);
    }

    /** A self-signed certificate and its PKCS#8 key, for signing tokens: {key, certificate}. */
    static Path[] selfSignedSigningPair(Path dir, String commonName) {
        Path key = dir.resolve("signing.key");
        Path cert = dir.resolve("signing.crt");
        Tools.runOrFail(OPENSSL, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
                "-subj", "/CN=" + commonName, "-keyout", key.toString(), "-out", cert.toString());
        makeReadable(cert);
        return new Path[] {key, cert};
    }

    private static void makeReadable(Path... files) {
        try {
            for (Path file : files) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
