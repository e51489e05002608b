package dev.vaina.oci;

import java.util.ArrayList;
import java.util.List;

/** A kernel's major.minor version, enough for a seccomp rule's minKernel. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
    public static KernelVersion host() {
        return parse(System.getProperty("os.version"));
    }

    /**
     * Parses "6.1", "6.1.0-18-amd64" or "5.4.0": the numbers before the first and the second '.', '-' or '+'. Split
     * by hand: a regular expression would be compiled for the host and again for each rule of a seccomp profile.
     */
    public static KernelVersion parse(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.' || text.charAt(i) == '-' || text.charAt(i) == '+') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1); // as String.split leaves trailing empty parts out
        }
        try {
            return new KernelVersion(Integer.parseInt(parts.get(0)), parts.size() > 1 ? Integer.parseInt(parts.get(1)) : 0);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new RuntimeSpecException("cannot parse kernel version \"" + text + "\": expected MAJOR.MINOR");
        }
    }

    public boolean atLeast(KernelVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KernelVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }
}
