package dev.vaina.oci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns --user (or the image's User) "user[:group]" into numbers through the image's own etc/passwd and
 * etc/group, the way Podman and runc do: numbers pass through, names must exist in the image.
 */
public final class UserResolver {
    private final RootfsFiles rootfs;

    public UserResolver(RootfsFiles rootfs) {
        this.rootfs = rootfs;
    }

    /** @param spec "user", "user:group", "uid:gid" or null/empty for root */
    public ResolvedUser resolve(String spec) {
        if (spec == null || spec.isEmpty()) {
            spec = "0";
        }
        int colon = spec.indexOf(':');
        String userPart = colon < 0 ? spec : spec.substring(0, colon);
        String groupPart = colon < 0 ? null : spec.substring(colon + 1);

        int uid;
        int gid = 0;
        String userName = null;
        Integer userNumber = parseNumber(userPart);
        if (userNumber != null) {
            uid = userNumber;
            // A bare uid takes its primary group from passwd when the image knows it, else group 0.
            Optional<String[]> entry = findEntry("etc/passwd", fields -> fields[2].equals(userPart));
            if (entry.isPresent()) {
                userName = entry.get()[0];
                gid = parseId(entry.get()[3], "etc/passwd");
            }
        } else {
            String[] entry = findEntry("etc/passwd", fields -> fields[0].equals(userPart))
                    .orElseThrow(() -> new RuntimeSpecException(
                            "unable to find user " + userPart + ": no matching entries in passwd file"));
            userName = userPart;
            uid = parseId(entry[2], "etc/passwd");
            gid = parseId(entry[3], "etc/passwd");
        }

        if (groupPart != null && !groupPart.isEmpty()) {
            gid = groupId(groupPart);
            // An explicit group replaces the user's memberships, as runc does.
            return new ResolvedUser(uid, gid, List.of());
        }
        return new ResolvedUser(uid, gid, userName == null ? List.of() : memberships(userName, gid));
    }

    /** A group number, or a name looked up in the image's /etc/group (for --group-add). */
    public int groupId(String group) {
        Integer number = parseNumber(group);
        if (number != null) {
            return number;
        }
        String[] entry = findEntry("etc/group", fields -> fields[0].equals(group))
                .orElseThrow(() -> new RuntimeSpecException(
                        "unable to find group " + group + ": no matching entries in group file"));
        return parseId(entry[2], "etc/group");
    }

    private List<Integer> memberships(String userName, int primaryGid) {
        List<Integer> gids = new ArrayList<>();
        for (String[] fields : entries("etc/group")) {
            if (fields.length < 4) {
                continue;
            }
            boolean member = Arrays.asList(fields[3].split(",")).contains(userName);
            Integer gid = parseNumber(fields[2]);
            if (member && gid != null && gid != primaryGid && !gids.contains(gid)) {
                gids.add(gid);
            }
        }
        return gids;
    }

    private Optional<String[]> findEntry(String file, Predicate<String[]> match) {
        for (String[] fields : entries(file)) {
            if (fields.length >= 4 && match.test(fields)) {
                return Optional.of(fields);
            }
        }
        return Optional.empty();
    }

    private List<String[]> entries(String file) {
        Optional<Path> path = rootfs.find(file);
        if (path.isEmpty()) {
            return List.of();
        }
        try {
            List<String[]> result = new ArrayList<>();
            for (String line : Files.readAllLines(path.get(), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    result.add(line.split(":", -1));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image's " + file + " at " + path.get(), e);
        }
    }

    private static int parseId(String text, String file) {
        Integer id = parseNumber(text);
        if (id == null) {
            throw new RuntimeSpecException("invalid id \"" + text + "\" in the image's " + file);
        }
        return id;
    }

    private static Integer parseNumber(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
