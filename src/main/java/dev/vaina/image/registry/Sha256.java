package dev.vaina.image.registry;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4) of a document held in memory: a manifest, an image configuration, an index. The JDK's
 * MessageDigest first sets its security providers up (their list, the SUN provider's services, a random number
 * generator): about 9 ms of a warm pull, whose only digest is that of a manifest of a kilobyte or two. Layers, read
 * as streams of megabytes, go through MessageDigest, whose compiled form the JVM replaces with the processor's SHA
 * instructions.
 */
public final class Sha256 {
    private static final int[] ROUND_CONSTANTS = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private Sha256() {
    }

    /** The 32 bytes of {@code data}'s digest. */
    public static byte[] digest(byte[] data) {
        // The message, a 1 bit, zeros, and its length in bits (64 bits, big-endian), to a multiple of 64 bytes.
        int padded = (data.length + 1 + 8 + 63) / 64 * 64;
        byte[] message = Arrays.copyOf(data, padded);
        message[data.length] = (byte) 0x80;
        long bits = (long) data.length * 8;
        for (int i = 0; i < 8; i++) {
            message[padded - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] hash = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        int[] schedule = new int[64];
        for (int block = 0; block < padded; block += 64) {
            for (int t = 0; t < 16; t++) {
                int at = block + 4 * t;
                schedule[t] = (message[at] & 0xff) << 24 | (message[at + 1] & 0xff) << 16
                        | (message[at + 2] & 0xff) << 8 | message[at + 3] & 0xff;
            }
            for (int t = 16; t < 64; t++) {
                int before15 = schedule[t - 15];
                int before2 = schedule[t - 2];
                int sigma0 = Integer.rotateRight(before15, 7) ^ Integer.rotateRight(before15, 18) ^ before15 >>> 3;
                int sigma1 = Integer.rotateRight(before2, 17) ^ Integer.rotateRight(before2, 19) ^ before2 >>> 10;
                schedule[t] = schedule[t - 16] + sigma0 + schedule[t - 7] + sigma1;
            }
            int a = hash[0];
            int b = hash[1];
            int c = hash[2];
            int d = hash[3];
            int e = hash[4];
            int f = hash[5];
            int g = hash[6];
            int h = hash[7];
            for (int t = 0; t < 64; t++) {
                int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
                int choice = e & f ^ ~e & g;
                int temp1 = h + sum1 + choice + ROUND_CONSTANTS[t] + schedule[t];
                int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
                int majority = a & b ^ a & c ^ b & c;
                h = g;
                g = f;
                f = e;
                e = d + temp1;
                d = c;
                c = b;
                b = a;
                a = temp1 + sum0 + majority;
            }
            hash[0] += a;
            hash[1] += b;
            hash[2] += c;
            hash[3] += d;
            hash[4] += e;
            hash[5] += f;
            hash[6] += g;
            hash[7] += h;
        }
        byte[] digest = new byte[32];
        for (int i = 0; i < 8; i++) {
            digest[4 * i] = (byte) (hash[i] >>> 24);
            digest[4 * i + 1] = (byte) (hash[i] >>> 16);
            digest[4 * i + 2] = (byte) (hash[i] >>> 8);
            digest[4 * i + 3] = (byte) hash[i];
        }
        return digest;
    }
}
