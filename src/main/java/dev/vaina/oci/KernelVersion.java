package dev.vaina.oci;

/** A kernel's major.minor version, enough for a seccomp rule's minKernel. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
    public static KernelVersion host() {
        return parse(System.getProperty("os.version"));
    }

    /** Parses "6.1", "6.1.0-18-amd64" or "5.4.0". */
    public static KernelVersion parse(String text) {
        String[] parts = text.split("[.\\-+]");
        try {
            return new KernelVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
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
