package dev.vaina.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One line per entry of an extracted tree with everything a layer carries, to compare two trees. */
final class TreeListing {
    private TreeListing() {
    }

    static String of(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> !p.equals(root)).sorted().toList();
        }
        Map<Object, String> firstOfInode = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (Path path : paths) {
            Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid,ino,nlink,rdev,size",
                    LinkOption.NOFOLLOW_LINKS);
            String rel = root.relativize(path).toString();
            StringBuilder line = new StringBuilder(rel).append(' ')
                    .append(Integer.toOctalString((Integer) unix.get("mode")))
                    .append(' ').append(unix.get("uid")).append(':').append(unix.get("gid"));
            if (Files.isSymbolicLink(path)) {
                line.append(" -> ").append(Files.readSymbolicLink(path));
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                line.append(" size=").append(unix.get("size")).append(" sha=")
                        .append(Digests.sha256Hex(Files.readAllBytes(path)));
                if ((Integer) unix.get("nlink") > 1) {
                    String first = firstOfInode.putIfAbsent(unix.get("ino"), rel);
                    line.append(" linkgroup=").append(first == null ? rel : first);
                }
            } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                line.append(" rdev=").append(unix.get("rdev"));
            } else {
                line.append(" opaque=").append(opaque(path));
            }
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    && !((Integer) unix.get("mode") == 020644 && (Long) unix.get("rdev") == 0)) {
                // whiteouts get no time of their own from a tar; everything else keeps its mtime
                line.append(" mtime=").append(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000);
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                line.append(" mtime=").append(Files.getLastModifiedTime(path).toMillis() / 1000);
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines) + "\n";
    }

    private static String opaque(Path dir) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class);
        if (!view.list().contains(LayerExtractor.OPAQUE_XATTR)) {
            return "-";
        }
        ByteBuffer value = ByteBuffer.allocate(view.size(LayerExtractor.OPAQUE_XATTR));
        view.read(LayerExtractor.OPAQUE_XATTR, value);
        return new String(value.array(), StandardCharsets.UTF_8);
    }
}
