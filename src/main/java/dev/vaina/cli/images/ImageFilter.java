package dev.vaina.cli.images;

import dev.vaina.image.ImageRecord;
import dev.vaina.spec.ImageReference;
import dev.vaina.spec.InvalidSpecException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One `images --filter KEY=VALUE`: reference=PATTERN (a glob over the name with or without registry and
 * tag, '*' not crossing '/'), dangling=true|false, before=IMAGE and since=IMAGE (creation times),
 * label=KEY or label=KEY=VALUE (the image configuration's labels).
 */
record ImageFilter(String key, String value, Pattern glob, Instant reference) {

    interface Resolver {
        ImageRecord resolve(String nameOrId) throws java.io.IOException;
    }

    /** An image's labels, read only when a label filter asks. */
    interface Labels {
        Map<String, String> of(ImageRecord image) throws java.io.IOException;
    }

    static ImageFilter parse(String text, Resolver resolver) throws java.io.IOException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InvalidSpecException("invalid image filter \"" + text + "\": use KEY=VALUE");
        }
        String key = text.substring(0, eq);
        String value = text.substring(eq + 1);
        return switch (key) {
            case "reference" -> new ImageFilter(key, value, glob(value), null);
            case "dangling" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new InvalidSpecException("invalid filter dangling=" + value + ": use true or false");
                }
                yield new ImageFilter(key, value, null, null);
            }
            case "label" -> new ImageFilter(key, value, null, null);
            case "before", "since" -> new ImageFilter(key, value, null, resolver.resolve(value).createdInstant());
            default -> throw new InvalidSpecException("invalid image filter \"" + key
                    + "\": vaina supports reference, dangling, before, since and label");
        };
    }

    boolean matches(ImageRecord image, Labels labels) throws java.io.IOException {
        return switch (key) {
            case "label" -> {
                int eq = value.indexOf('=');
                Map<String, String> present = labels.of(image);
                yield eq < 0 ? present.containsKey(value)
                        : value.substring(eq + 1).equals(present.get(value.substring(0, eq)));
            }
            case "reference" -> image.repoTags().stream().anyMatch(this::matchesName);
            case "dangling" -> image.repoTags().isEmpty() == value.equals("true");
            case "before" -> image.createdInstant().isBefore(reference);
            case "since" -> image.createdInstant().isAfter(reference);
            default -> false;
        };
    }

    private boolean matchesName(String tag) {
        ImageReference ref = ImageReference.parse(tag, ImageReference.LOCAL_REGISTRY);
        for (String candidate : List.of(tag, ref.name(), ref.repository() + ":" + ref.tag(), ref.repository())) {
            if (glob.matcher(candidate).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Go's path.Match syntax as far as names need it: '*', '?', and everything else literal. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
