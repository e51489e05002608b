package dev.vaina.launch;

import dev.vaina.spec.UserNamespace;
import dev.vaina.store.ContainerIds;
import dev.vaina.store.ContainerOwnership;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The image's layers as a container with a user namespace of its own must see them. The layers belong to ids
 * as a container without one sees them (root's files are the runtime namespace's root); in a namespace of its
 * own, the container's root is another id, so a file owned by root must be owned by that id for the container
 * to see root's. Idmapped mounts would do this without copying, but the kernel lets only root make them of
 * the file systems the store lives on, and runc 1.1 cannot ask for them; so the container gets its own copy of
 * each layer, its owners shifted through the container's maps, made at its first start and removed with it.
 */
final class MappedLayers {
    private MappedLayers() {
    }

    /** @param lowers the image's layers, top first; returned as they are for a container without its own namespace */
    static List<Path> of(ContainerRecord record, StoreLayout layout, List<Path> lowers) throws IOException {
        UserNamespace userns = record.config().userns();
        if (!userns.ownNamespace()) {
            return lowers;
        }
        Path dir = layout.containerLayers(record.id());
        Files.createDirectories(dir);
        ContainerIds uids = ContainerIds.of(layout, false);
        ContainerIds gids = ContainerIds.of(layout, true);
        List<Path> mapped = new ArrayList<>();
        for (Path lower : lowers) {
            Path target = dir.resolve(lower.getFileName());
            if (!Files.exists(target)) {
                // A copy that a kill interrupted is made again: only a finished one is renamed into place.
                Path partial = dir.resolve("." + lower.getFileName() + ".partial");
                ContainerOwnership.delete(layout, partial);
                Map<Long, Long> uidShift = new TreeMap<>();
                Map<Long, Long> gidShift = new TreeMap<>();
                owners(lower, uids, gids, uidShift, gidShift);
                uidShift.replaceAll((id, ignored) -> shifted(userns.parentUid(id), id));
                gidShift.replaceAll((id, ignored) -> shifted(userns.parentGid(id), id));
                ContainerOwnership.copyWithOwners(layout, lower, partial, uidShift, gidShift);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
            mapped.add(target);
        }
        return mapped;
    }

    /** The container's writable layer, made at its first start, belongs to the container's root. */
    static void giveUpperToRoot(ContainerRecord record, StoreLayout layout, Path upper) throws IOException {
        UserNamespace userns = record.config().userns();
        if (userns.ownNamespace()) {
            ContainerOwnership.chown(layout, upper, userns.parentUid(0), userns.parentGid(0), false);
        }
    }

    /** An id the container's map leaves out keeps its owner: the container sees it as the overflow id. */
    private static long shifted(long parent, long id) {
        return parent >= 0 ? parent : id;
    }

    /** The uids and gids a layer's files have, as a container without a namespace of its own sees them. */
    private static void owners(Path layer, ContainerIds uids, ContainerIds gids, Map<Long, Long> uidSet,
            Map<Long, Long> gidSet) throws IOException {
        Files.walkFileTree(layer, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                add(file);
                return FileVisitResult.CONTINUE;
            }

            private void add(Path path) throws IOException {
                uidSet.put(uids.inContainer((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)), 0L);
                gidSet.put(gids.inContainer((Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)), 0L);
            }
        });
    }
}
