package dev.vaina.linux;

import com.sun.jna.LastErrorException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** mount(2) and umount2(2): the container's root filesystem, and network namespaces bound to files. */
public final class Mounts {
    /** umount2(2) MNT_DETACH: lazy unmount, for cleanup that must not fail on a busy mount. */
    public static final int MNT_DETACH = 2;

    private Mounts() {
    }

    /** mount("overlay", target, "overlay", 0, options); options like {@code lowerdir=a:b,upperdir=u,workdir=w}. */
    public static void overlay(String options, Path target) throws NativeCallException {
        try {
            LibC.INSTANCE.mount("overlay", target.toString(), "overlay", 0L, options);
        } catch (LastErrorException e) {
            throw NativeCallException.of("mount(overlay, " + target + ", " + options + ")" + missing(options, target), e);
        }
    }

    /** For an error message: which of the overlay's directories and its target do not exist, if any. */
    private static String missing(String options, Path target) {
        List<String> paths = new ArrayList<>();
        for (String option : options.split(",")) {
            if (option.startsWith("lowerdir=")) {
                paths.addAll(List.of(option.substring("lowerdir=".length()).split(":")));
            } else if (option.startsWith("upperdir=") || option.startsWith("workdir=")) {
                paths.add(option.substring(option.indexOf('=') + 1));
            }
        }
        paths.add(target.toString());
        List<String> gone = paths.stream()
                .filter(path -> !Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS)).toList();
        return gone.isEmpty() ? "" : " (missing: " + String.join(", ", gone) + ")";
    }

    /** mount --bind source target. */
    public static void bind(Path source, Path target) throws NativeCallException {
        try {
            LibC.INSTANCE.mount(source.toString(), target.toString(), null, LibC.MS_BIND, null);
        } catch (LastErrorException e) {
            throw NativeCallException.of("mount(" + source + ", " + target + ", MS_BIND)", e);
        }
    }

    /** mount --make-shared target: later mounts and unmounts below it reach every copy of it. */
    public static void makeShared(Path target) throws NativeCallException {
        try {
            LibC.INSTANCE.mount("none", target.toString(), null, LibC.MS_SHARED, null);
        } catch (LastErrorException e) {
            throw NativeCallException.of("mount(" + target + ", MS_SHARED)", e);
        }
    }

    public static void unmount(Path target, int flags) throws NativeCallException {
        try {
            LibC.INSTANCE.umount2(target.toString(), flags);
        } catch (LastErrorException e) {
            throw NativeCallException.of("umount2(" + target + ", " + flags + ")", e);
        }
    }
}
