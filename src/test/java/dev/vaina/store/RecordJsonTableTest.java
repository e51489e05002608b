package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.image.ImageRecord;
import dev.vaina.spec.NetworkDefinition;
import dev.vaina.spec.json.JsonInput;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code the build wrote reads and writes every stored record as jackson-jr does: records of every type, made at
 * random, are written byte for byte as jackson-jr writes them, and what jackson-jr wrote reads to equal records by
 * both; a document changed at random is either refused by the readers or read by both to equal records. Plain
 * documents (maps, lists, numbers, strings) are written as jackson-jr writes them too.
 */
class RecordJsonTableTest {
    private static final List<Class<?>> STORED = List.of(ContainerRecord.class, ContainerState.class,
            HealthState.class, ContainerStore.Attachments.class, CreateArguments.class, PodRecord.class,
            VolumeRecord.class, NetworkDefinition.class, ImageRecord.class);
    private static final String[] STRINGS = {"", "a", "web-1", "docker.io/library/busybox:latest", "\"quoted\" \\ /",
        "tab\tnew line\n\r\b\f\u0001\u001f\u007f", "é ü 日本 😀 \u2028", "{\"not\": [\"json\"]}", "null", "0"};

    private static final String[] TAME_STRINGS = {"/dev/null", "rwm", "0123456789abcdef".repeat(4),
        "2026-12-05T04:00:00Z", "10.88.0.5"};
    private static final boolean WILD = true;
    private static final boolean TAME = false;

    private final Random random = new Random(20261205);
    private final Map<Class<?>, List<Object>> pools = new java.util.HashMap<>();

    @TempDir
    Path dir;

    @Test
    void everyStoredRecordType_hasAReaderWrittenByTheBuild() throws IOException {
        for (Class<?> type : STORED) {
            Path file = dir.resolve(type.getSimpleName() + ".json");
            Json.write(file, record(type, 0));
            assertEquals(describe(Json.compact().beanFrom(type, Files.readAllBytes(file))),
                    describe(Json.read(file, type)));
            assertTrue(table(type).has(type), type + " is read by reflection");
        }
    }

    @Test
    void randomRecords_writtenByJacksonJr_readAsJacksonJrReadsThem() throws IOException {
        for (Class<?> type : STORED) {
            for (int i = 0; i < 300; i++) {
                Object record = record(type, 0);
                for (byte[] json : List.of(Json.pretty().asBytes(record), Json.compact().asBytes(record))) {
                    Object expected = Json.compact().beanFrom(type, json);
                    Object actual = read(type, json);
                    assertEquals(expected, actual, new String(json, StandardCharsets.UTF_8));
                    assertEquals(describe(expected), describe(actual));
                }
            }
        }
    }

    @Test
    void randomRecords_areWrittenAsJacksonJrWritesThem_byteForByte() throws IOException {
        com.fasterxml.jackson.jr.ob.JSON withNulls = Json.compact()
                .with(com.fasterxml.jackson.jr.ob.JSON.Feature.WRITE_NULL_PROPERTIES);
        for (Class<?> type : STORED) {
            for (int i = 0; i < 300; i++) {
                Object record = record(type, 0);
                assertEquals(Json.pretty().asString(record), new String(Json.prettyBytes(record), StandardCharsets.UTF_8));
                assertEquals(Json.compact().asString(record), written(JsonOutput.compact(), record));
                assertEquals(withNulls.asString(record), written(JsonOutput.compactWithNulls(), record));
            }
        }
    }

    @Test
    void plainDocuments_areWrittenAsJacksonJrWritesThem_byteForByte() throws IOException {
        com.fasterxml.jackson.jr.ob.JSON withNulls = Json.compact()
                .with(com.fasterxml.jackson.jr.ob.JSON.Feature.WRITE_NULL_PROPERTIES);
        for (int i = 0; i < 2000; i++) {
            Object document = plain(0);
            assertEquals(Json.pretty().asString(document), written(JsonOutput.pretty(), document));
            assertEquals(Json.compact().asString(document), written(JsonOutput.compact(), document));
            assertEquals(withNulls.asString(document), written(JsonOutput.compactWithNulls(), document));
        }
    }

    @Test
    void plainDocuments_areReadAsJacksonJrReadsThem_orRefused() throws IOException {
        String marks = "{}[],:\"\\ -0123456789.eEtrufalsn/";
        int changedAndRead = 0;
        for (int i = 0; i < 2000; i++) {
            Object document = plain(0);
            for (String json : List.of(Json.compact().asString(document), Json.pretty().asString(document))) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                assertEquals(plainly(Json.compact().anyFrom(bytes)), plainly(JsonInput.parse(bytes, "doc")), json);
            }
            StringBuilder changed = new StringBuilder(Json.compact().asString(document));
            if (changed.length() > 0) {
                changed.setCharAt(random.nextInt(changed.length()), marks.charAt(random.nextInt(marks.length())));
            }
            byte[] bytes = changed.toString().getBytes(StandardCharsets.UTF_8);
            Object read;
            try {
                read = JsonInput.parse(bytes, "doc");
            } catch (IOException refused) {
                continue;
            }
            assertEquals(plainly(Json.compact().anyFrom(bytes)), plainly(read), changed.toString());
            changedAndRead++;
        }
        assertTrue(changedAndRead > 200, "only " + changedAndRead + " changed documents were read");
        IOException twice = assertThrows(IOException.class,
                () -> JsonInput.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), "doc"));
        assertTrue(twice.getMessage().contains("\"a\" twice"), twice.getMessage());
        IOException array = assertThrows(IOException.class,
                () -> JsonInput.parseObject("[1]".getBytes(StandardCharsets.UTF_8), "doc"));
        assertEquals("doc: expected a JSON object, found an array", array.getMessage());
    }

    /** A plain value with its numbers' classes, any map as a map and any list as a list. */
    private static String plainly(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            map.forEach((k, v) -> text.append(k).append('=').append(plainly(v)).append(", "));
            return text.append('}').toString();
        } else if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            list.forEach(v -> text.append(plainly(v)).append(", "));
            return text.append(']').toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    private static String written(JsonOutput out, Object value) {
        return Json.throughTables(out).value(value).toString();
    }

    /** A map, list or scalar of every kind a plain document holds (and a stored record among them). */
    private Object plain(int depth) {
        int kind = random.nextInt(depth > 3 ? 9 : 12);
        return switch (kind) {
            case 0 -> null;
            case 1 -> STRINGS[random.nextInt(STRINGS.length)];
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextBoolean();
            case 5 -> new double[] {random.nextDouble() * 1e6, 0.1, 1e20, -0.0, 100.0, Double.NaN}[random.nextInt(6)];
            case 6 -> new java.math.BigInteger("99999999999999999999").multiply(java.math.BigInteger.valueOf(random.nextInt()));
            case 7 -> Thread.State.values()[random.nextInt(Thread.State.values().length)];
            case 8 -> random.nextFloat();
            case 9 -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    list.add(plain(depth + 1));
                }
                yield list;
            }
            case 10 -> pooled(STORED.get(random.nextInt(STORED.size())), 0);
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    map.put(STRINGS[random.nextInt(STRINGS.length)] + n, plain(depth + 1));
                }
                yield map;
            }
        };
    }

    @Test
    void changedDocuments_areRefusedOrReadAsJacksonJrReadsThem() throws IOException {
        String marks = "{}[],:\"\\ -0123456789.eEtrufalsn/";
        int readByBoth = 0;
        for (Class<?> type : STORED) {
            for (int i = 0; i < 400; i++) {
                StringBuilder json = new StringBuilder(Json.compact().asString(record(type, 0)));
                for (int change = 1 + random.nextInt(3); change > 0 && json.length() > 0; change--) {
                    int at = random.nextInt(json.length());
                    switch (random.nextInt(3)) {
                        case 0 -> json.deleteCharAt(at);
                        case 1 -> json.insert(at, marks.charAt(random.nextInt(marks.length())));
                        default -> json.setCharAt(at, marks.charAt(random.nextInt(marks.length())));
                    }
                }
                byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
                Object actual;
                try {
                    actual = read(type, bytes);
                } catch (IOException refused) {
                    continue;
                }
                Object expected = Json.compact().beanFrom(type, bytes);
                assertEquals(describe(expected), describe(actual), json.toString());
                readByBoth++;
            }
        }
        assertTrue(readByBoth > 100, "only " + readByBoth + " changed documents were read");
    }

    @Test
    void documentsVainaDoesNotWrite_butJsonAllows_readAsJacksonJrReadsThem() throws IOException {
        List<String> documents = List.of(
                "{\"status\":\"running\",\"monitorPid\":7,\"exitCode\":0}",
                " \n\t{ \"exitCode\" : -1 , \"monitorPid\" : 9223372036854775807 ,\"status\":null}\r\n",
                "{\"monitorPid\":null,\"exitCode\":null,\"error\":\"\\u00e9\\ud83d\\ude00\\/\\\"\"}",
                "{\"unknown\":{\"a\":[1,2.5e-3,-0,{},[],true,false,null,\"}\"]},\"monitorPid\":1,\"exitCode\":2}",
                "{\"status\":\"a\",\"status\":\"b\",\"monitorPid\":1,\"exitCode\":2}",
                "null");
        for (String document : documents) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            assertEquals(describe(Json.compact().beanFrom(ContainerState.class, bytes)),
                    describe(read(ContainerState.class, bytes)), document);
        }
    }

    @Test
    void whatJacksonJrWouldCoerce_orCannotRead_isRefusedWithWhereAndWhat() {
        assertRefused("{\"status\":\"running\",\"monitorPid\":\"7\",\"exitCode\":0}", "expected a whole number");
        assertRefused("{\"status\":5,\"monitorPid\":7,\"exitCode\":0}", "expected a string at offset 10");
        assertRefused("{\"monitorPid\":7,\"exitCode\":2147483648}", "out of an int's range");
        assertRefused("{\"monitorPid\":7.5,\"exitCode\":0}", "expected a whole number");
        assertRefused("{\"monitorPid\":7,\"exitCode\":0} {}", "expected the end of the document");
        assertRefused("{\"status\":\"running\",\"exitCode\":0}", "ContainerState without \"monitorPid\"");
        assertRefused("{\"monitorPid\":7,\"exitCode\":0,}", "expected a property name");
        assertRefused("{\"error\":\"a\u0001\",\"monitorPid\":7,\"exitCode\":0}", "expected a control character escaped");
        assertRefused("", "expected '{'");
    }

    private void assertRefused(String document, String message) {
        IOException e = assertThrows(IOException.class,
                () -> read(ContainerState.class, document.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("doc: "), e.getMessage());
    }

    private static RecordJson table(Class<?> type) {
        return type == ImageRecord.class ? new dev.vaina.image.RecordJsonTable() : new RecordJsonTable();
    }

    private static Object read(Class<?> type, byte[] json) throws IOException {
        JsonInput in = new JsonInput(json, "doc");
        Object value = table(type).read(type, in);
        in.end();
        return value;
    }

    /**
     * A record of {@code type} with values at random (nulls, empty lists and awkward strings among them); the
     * records it holds come from pools made first, so that a record its checks refuse costs one more try of its
     * own values only.
     */
    private Object record(Class<?> type, int depth) {
        Constructor<?> constructor = canonical(type);
        RecordComponent[] components = type.getRecordComponents();
        for (int attempt = 0; ; attempt++) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getGenericType(), depth + 1, attempt < 5 ? WILD : TAME);
            }
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException refused) {
                if (attempt > 2000) {
                    throw new AssertionError("no random " + type + " could be made", refused.getCause());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** One of 20 records of {@code type} made at random. */
    private Object pooled(Class<?> type, int depth) {
        List<Object> pool = pools.get(type);
        if (pool == null) {
            pool = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                pool.add(record(type, depth));
            }
            pools.put(type, pool);
        }
        return pool.get(random.nextInt(pool.size()));
    }

    /**
     * A value of {@code type}: any at all when {@code wild}, else one that most records' checks accept (an absolute
     * path, device permissions, an id, an instant, an address, small positive numbers), for records that refuse most wild values.
     */
    private Object value(Type type, int depth, boolean wild) {
        boolean isNull = random.nextInt(wild ? 6 : 2) == 0;
        if (type == String.class) {
            return !wild ? random.nextInt(4) == 0 ? null : TAME_STRINGS[random.nextInt(TAME_STRINGS.length)]
                    : isNull ? null
                    : random.nextInt(4) == 0 ? Long.toString(random.nextLong(), 36)
                    : STRINGS[random.nextInt(STRINGS.length)];
        } else if (type == int.class || type == Integer.class) {
            int[] ints = wild ? new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt()}
                    : new int[] {1, 2, 30};
            return type == Integer.class && isNull ? null : ints[random.nextInt(ints.length)];
        } else if (type == long.class || type == Long.class) {
            long[] longs = wild ? new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong(), 99_999}
                    : new long[] {1, 2, 30_000_000_000L};
            return type == Long.class && isNull ? null : longs[random.nextInt(longs.length)];
        } else if (type == boolean.class || type == Boolean.class) {
            return type == Boolean.class && isNull ? null : wild && random.nextBoolean();
        } else if (type instanceof Class<?> c && c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return isNull ? null : constants[random.nextInt(constants.length)];
        } else if (type instanceof Class<?> c && c.isRecord()) {
            return isNull || depth > 4 ? null : pooled(c, depth);
        }
        ParameterizedType generic = (ParameterizedType) type;
        if (isNull && wild) {
            return null;
        }
        if (generic.getRawType() == List.class) {
            List<Object> list = new ArrayList<>();
            for (int n = random.nextInt(wild ? 4 : 2); n > 0; n--) {
                Object element = value(generic.getActualTypeArguments()[0], depth + 1, wild);
                if (element != null || wild) {
                    list.add(element);
                }
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(wild ? 4 : 2); n > 0; n--) {
            map.put((wild ? STRINGS[random.nextInt(STRINGS.length)] : "key") + n,
                    value(generic.getActualTypeArguments()[1], depth + 1, false));
        }
        return map;
    }

    /** Every value a record holds, in the order of its lists and its maps' iteration, whatever its toString says. */
    private static String describe(Object value) {
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('[');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    text.append(component.getName()).append('=')
                            .append(describe(component.getAccessor().invoke(record))).append(", ");
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return text.append(']').toString();
        } else if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder(list.getClass().getSimpleName()).append('[');
            for (Object element : list) {
                text.append(describe(element)).append(", ");
            }
            return text.append(']').toString();
        } else if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder(map.getClass().getSimpleName()).append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(entry.getKey()).append('=').append(describe(entry.getValue())).append(", ");
            }
            return text.append('}').toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    private static Constructor<?> canonical(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTypeTheTablesCannotRead_failsTheBuild_naming() {
        record Odd(double ratio) {
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordJsonTableWriter.sources(Map.of("dev.vaina.store", List.of(Odd.class))));
        assertTrue(e.getMessage().contains("Odd.ratio: no reader for double"), e.getMessage());
    }
}
