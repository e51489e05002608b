package dev.vaina.image.naming;

import dev.vaina.spec.FileBytes;
import dev.vaina.spec.json.JsonInput;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/**
 * The registries configuration as last merged, kept as JSON in the run root beside the text of the files it came
 * from. A command that finds the same files with the same text reads it instead of parsing and merging the TOML
 * files again (a library's grammar cost a pull about 50 ms of start-up then; {@code spec.toml}'s parser takes a few
 * milliseconds, still more than reading the merged result). A change to any file, or a file added or removed,
 * makes the next command parse them again and rewrite the cache; an unreadable cache is ignored.
 */
public final class RegistriesConfCache {
    private static final int FORMAT = 3;

    private final Path cache;

    /** A cache kept in {@code cache}. */
    public RegistriesConfCache(Path cache) {
        this.cache = cache;
    }

    /** {@link RegistriesConf#load} of {@code files}, from the cache when it was made from these same files. */
    public RegistriesConf load(List<Path> files) {
        String key = key(files);
        if (key != null) {
            RegistriesConf cached = read(key);
            if (cached != null) {
                return cached;
            }
        }
        RegistriesConf conf = RegistriesConf.load(files);
        if (key != null) {
            write(key, conf);
        }
        return conf;
    }

    /**
     * The files' names and whole contents (a few KiB) summed up: their length, and their CRC-32 and Adler-32 side by
     * side (64 bits of sum, each computed by the JDK's native code: a sum computed in Java is interpreted, 0.5-1 ms
     * of a command); or null when one cannot be read (then nothing is cached). Contents, not times: a file written
     * twice within the file system's clock tick keeps its modification time. A sum, not the text itself, which made
     * the cache twice as long to read.
     */
    private static String key(List<Path> files) {
        CRC32 crc = new CRC32();
        Adler32 adler = new Adler32();
        long length = 0;
        for (Path file : files) {
            byte[] text;
            try {
                text = FileBytes.read(file);
            } catch (IOException | RuntimeException e) {
                return null; // unreadable: the parser says what is wrong
            }
            byte[] name = (file + "\0").getBytes(StandardCharsets.UTF_8);
            for (Checksum sum : new Checksum[] {crc, adler}) {
                sum.update(name);
                sum.update(text);
                sum.update(0);
            }
            length += name.length + text.length + 1;
        }
        return length + ":" + Long.toHexString(crc.getValue()) + ":" + Long.toHexString(adler.getValue());
    }

    private RegistriesConf read(String key) {
        try {
            Map<String, Object> json = JsonInput.parseObject(FileBytes.read(cache), cache.toString());
            if (!Integer.valueOf(FORMAT).equals(json.get("format")) || !key.equals(json.get("key"))) {
                return null;
            }
            return decode(json);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // written by another version, or cut short: parsed again and rewritten
        }
    }

    private void write(String key, RegistriesConf conf) {
        try {
            AtomicFiles.write(cache, Json.compactBytes(encode(key, conf)));
        } catch (IOException e) {
            // Only a cache: the next command parses the files again.
        }
    }

    private static Map<String, Object> encode(String key, RegistriesConf conf) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("key", key);
        json.put("search", conf.searchRegistries());
        json.put("searchOrigin", conf.searchOrigin());
        json.put("shortNameMode", conf.shortNameMode().name());
        List<Object> registries = new ArrayList<>();
        for (Registry registry : conf.registries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("prefix", registry.prefix());
            entry.put("location", registry.location());
            entry.put("insecure", registry.insecure());
            entry.put("blocked", registry.blocked());
            entry.put("mirrorByDigestOnly", registry.mirrorByDigestOnly());
            List<Object> mirrors = new ArrayList<>();
            for (Mirror mirror : registry.mirrors()) {
                mirrors.add(Map.of("location", mirror.location(), "insecure", mirror.insecure(),
                        "pullFromMirror", mirror.pullFromMirror().key()));
            }
            entry.put("mirrors", mirrors);
            entry.put("origin", registry.origin() == null ? null : registry.origin().toString());
            registries.add(entry);
        }
        json.put("registries", registries);
        // By origin, each named once: the 60-odd aliases of shortnames.conf would otherwise repeat its path each.
        Map<String, Map<String, Object>> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, Alias> alias : conf.aliases().entrySet()) {
            aliases.computeIfAbsent(alias.getValue().origin(), origin -> new LinkedHashMap<>())
                    .put(alias.getKey(), alias.getValue().name());
        }
        json.put("aliases", aliases);
        json.put("files", conf.files().stream().map(Path::toString).toList());
        json.put("warnings", conf.warnings());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static RegistriesConf decode(Map<String, Object> json) {
        List<Registry> registries = new ArrayList<>();
        for (Object item : (List<Object>) json.get("registries")) {
            Map<String, Object> entry = (Map<String, Object>) item;
            List<Mirror> mirrors = new ArrayList<>();
            for (Object mirrorItem : (List<Object>) entry.get("mirrors")) {
                Map<String, Object> mirror = (Map<String, Object>) mirrorItem;
                mirrors.add(new Mirror((String) mirror.get("location"), (Boolean) mirror.get("insecure"),
                        PullFromMirror.parse((String) mirror.get("pullFromMirror"))));
            }
            String origin = (String) entry.get("origin");
            registries.add(new Registry((String) entry.get("prefix"), (String) entry.get("location"),
                    (Boolean) entry.get("insecure"), (Boolean) entry.get("blocked"),
                    (Boolean) entry.get("mirrorByDigestOnly"), mirrors, origin == null ? null : Path.of(origin)));
        }
        Map<String, Alias> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, Object> origin : ((Map<String, Object>) json.get("aliases")).entrySet()) {
            for (Map.Entry<String, Object> alias : ((Map<String, Object>) origin.getValue()).entrySet()) {
                aliases.put(alias.getKey(), new Alias((String) alias.getValue(), origin.getKey()));
            }
        }
        List<Path> files = new ArrayList<>();
        for (String file : (List<String>) json.get("files")) {
            files.add(Path.of(file));
        }
        return new RegistriesConf((List<String>) json.get("search"), (String) json.get("searchOrigin"),
                ShortNameMode.valueOf((String) json.get("shortNameMode")), registries, aliases, files,
                (List<String>) json.get("warnings"));
    }
}
