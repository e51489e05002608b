package dev.vaina.store;

import dev.vaina.spec.json.JsonInput;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import java.util.TreeMap;

/**
 * Writes, for each package that stores records, a {@code RecordJsonTable} (Java source) that reads and writes them
 * and every record, enum, list and map they hold, field by field, through {@link JsonInput} and {@link JsonOutput}:
 * reading and writing them through jackson-jr meant introspecting each type by reflection in every command that
 * read or wrote one. They are written as jackson-jr writes them (their components and getters, by name), so that
 * records written before read the same. The build runs it after compiling and compiles what it wrote:
 * {@code RecordJsonTableWriter SOURCE-DIR PACKAGE=ROOT,ROOT... ...} (SOURCE-DIR is its own: emptied first). A type is read and written by the first
 * table (in the order given) that reaches it; later tables call it there. A field of a type the tables cannot
 * read (anything but records, enums, strings, ints, longs, booleans, their boxes, lists and maps keyed by strings)
 * fails the build, so that no record falls back to reflection unnoticed.
 */
public final class RecordJsonTableWriter {
    static final String CLASS = "RecordJsonTable";

    /** Each type met, and the table (package) that reads and writes it. */
    private final Map<Type, String> owners = new LinkedHashMap<>();
    /** The source of each table's methods, in the order their types were met. */
    private final Map<String, StringBuilder> methods = new LinkedHashMap<>();
    /** The records each table reads and writes. */
    private final Map<String, List<Class<?>>> records = new LinkedHashMap<>();
    /** The method names each table has, to fail on two types of one simple name. */
    private final Map<String, Type> names = new LinkedHashMap<>();

    private RecordJsonTableWriter() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length < 2) {
            System.err.println("usage: RecordJsonTableWriter GENERATED-SOURCE-DIRECTORY PACKAGE=ROOT-CLASS,...");
            System.exit(2);
        }
        Map<String, List<Class<?>>> roots = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] table = args[i].split("=", 2);
            List<Class<?>> classes = new ArrayList<>();
            for (String root : table[1].split(",")) {
                classes.add(Class.forName(root.strip()));
            }
            roots.put(table[0], classes);
        }
        Map<String, String> sources = sources(roots);
        FileTrees.deleteQuietly(Path.of(args[0]));
        for (Map.Entry<String, String> table : sources.entrySet()) {
            Path file = Path.of(args[0]).resolve(table.getKey().replace('.', '/')).resolve(CLASS + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Each table's source, by its package, for the root records each reads (the first package's first). */
    static Map<String, String> sources(Map<String, List<Class<?>>> rootsByPackage) {
        RecordJsonTableWriter writer = new RecordJsonTableWriter();
        for (Map.Entry<String, List<Class<?>>> table : rootsByPackage.entrySet()) {
            writer.methods.put(table.getKey(), new StringBuilder());
            writer.records.put(table.getKey(), new ArrayList<>());
            for (Class<?> root : table.getValue()) {
                if (!root.isRecord()) {
                    throw new IllegalArgumentException(root.getName() + " is not a record");
                }
                writer.owner(root, table.getKey());
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, List<Class<?>>> table : rootsByPackage.entrySet()) {
            sources.put(table.getKey(), writer.source(table.getKey()));
        }
        return sources;
    }

    private String source(String pkg) {
        List<Class<?>> known = records.get(pkg);
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n")
                .append("import dev.vaina.spec.json.JsonInput;\nimport dev.vaina.spec.json.JsonOutput;\n")
                .append("import java.io.IOException;\n\n")
                .append("/** Written by RecordJsonTableWriter from the records' components when vaina was built. */\n")
                .append("public final class ").append(CLASS).append(" implements dev.vaina.store.RecordJson {\n")
                .append("    @Override\n    public boolean has(Class<?> type) {\n        return ");
        for (int i = 0; i < known.size(); i++) {
            out.append(i == 0 ? "" : "\n                || ").append("type == ")
                    .append(known.get(i).getCanonicalName()).append(".class");
        }
        out.append(";\n    }\n\n    @Override\n    public Object read(Class<?> type, JsonInput in) throws IOException {\n");
        for (Class<?> record : known) {
            out.append("        if (type == ").append(record.getCanonicalName()).append(".class) {\n")
                    .append("            return ").append(methodName("read", record)).append("(in);\n        }\n");
        }
        out.append("        throw new IllegalArgumentException(\"no reader for \" + type);\n    }\n\n")
                .append("    @Override\n    public void write(Object record, JsonOutput out) {\n");
        for (Class<?> record : known) {
            out.append("        if (record instanceof ").append(record.getCanonicalName()).append(" value) {\n")
                    .append("            ").append(methodName("write", record)).append("(value, out);\n")
                    .append("            return;\n        }\n");
        }
        out.append("        throw new IllegalArgumentException(\"no writer for \" + record.getClass());\n    }\n")
                .append(methods.get(pkg)).append("}\n");
        return out.toString();
    }

    /** The table that reads and writes {@code type}: its methods written first if it is new. */
    private String owner(Type type, String pkg) {
        String owner = owners.get(type);
        if (owner != null) {
            return owner;
        }
        owners.put(type, pkg);
        Type named = names.putIfAbsent(pkg + "." + typeName(type), type);
        if (named != null) {
            throw new IllegalArgumentException(type.getTypeName() + " and " + named.getTypeName()
                    + " would have one reader's name in " + pkg);
        }
        StringBuilder method = new StringBuilder();
        if (type instanceof ParameterizedType generic) {
            writeContainer(method, generic, pkg);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            records.get(pkg).add(c);
            writeRecord(method, c, pkg);
        } else if (type instanceof Class<?> c && c.isEnum()) {
            writeEnum(method, c);
        } else {
            throw new IllegalArgumentException("no reader for " + type.getTypeName());
        }
        methods.get(pkg).append(method);
        return pkg;
    }

    /** The expression that calls {@code type}'s method of {@code kind} (read, write) from the table of {@code pkg}. */
    private String call(String kind, Type type, String pkg) {
        String owner = owner(type, pkg);
        return (owner.equals(pkg) ? "" : owner + "." + CLASS + ".") + methodName(kind, type);
    }

    /** Whether the tables have methods for {@code type} (else it is a scalar {@link #scalar} knows, or unknown). */
    private static boolean hasMethods(Type type, String where) {
        boolean methods = type instanceof Class<?> c && (c.isRecord() || c.isEnum())
                || type instanceof ParameterizedType generic && (generic.getRawType() == List.class
                        || generic.getRawType() == Map.class && generic.getActualTypeArguments()[0] == String.class);
        if (methods && type instanceof Class<?> c && !Modifier.isPublic(c.getModifiers())) {
            throw new IllegalArgumentException(where + ": " + c.getName() + " is not public");
        }
        if (!methods && !SCALARS.containsKey(type)) {
            throw new IllegalArgumentException(where + ": no reader for " + type.getTypeName()
                    + " (records, enums, String, int, long, boolean, their boxes, List and Map<String, ...> are read)");
        }
        return methods;
    }

    /** The types read and written by JsonInput's and JsonOutput's own methods: how each reads and writes. */
    private static final Map<Type, String[]> SCALARS = Map.of(
            String.class, new String[] {"in.string()", "out.string(%s);"},
            int.class, new String[] {"in.intValue()", "out.number(%s);"},
            long.class, new String[] {"in.longValue()", "out.number(%s);"},
            boolean.class, new String[] {"in.booleanValue()", "out.bool(%s);"},
            Integer.class, new String[] {"in.integerOrNull()", "out.numberOrNull(%s);"},
            Long.class, new String[] {"in.longOrNull()", "out.numberOrNull(%s);"},
            Boolean.class, new String[] {"in.booleanOrNull()", "out.boolOrNull(%s);"});

    /** The expression that reads a value of {@code type}. */
    private String read(Type type, String pkg, String where) {
        return hasMethods(type, where) ? call("read", type, pkg) + "(in)" : SCALARS.get(type)[0];
    }

    /** The statement that writes {@code value}, of {@code type}. */
    private String write(Type type, String value, String pkg, String where) {
        return hasMethods(type, where) ? call("write", type, pkg) + "(" + value + ", out);"
                : String.format(SCALARS.get(type)[1], value);
    }

    private void writeRecord(StringBuilder out, Class<?> record, String pkg) {
        String name = record.getCanonicalName();
        out.append("\n    public static ").append(name).append(' ').append(methodName("read", record))
                .append("(JsonInput in) throws IOException {\n")
                .append("        if (in.nextIsNull()) {\n            return null;\n        }\n");
        RecordComponent[] components = record.getRecordComponents();
        for (RecordComponent component : components) {
            out.append("        ").append(boxed(component.getGenericType())).append(' ').append(local(component))
                    .append(" = null;\n");
        }
        out.append("        in.beginObject();\n")
                .append("        for (String name = in.nextName(); name != null; name = in.nextName()) {\n")
                .append("            switch (name) {\n");
        for (RecordComponent component : components) {
            out.append("                case \"").append(component.getName()).append("\" -> ").append(local(component))
                    .append(" = ").append(read(component.getGenericType(), pkg, record.getName() + "."
                            + component.getName())).append(";\n");
        }
        out.append("                default -> in.skipValue();\n            }\n        }\n");
        for (RecordComponent component : components) {
            if (component.getType().isPrimitive()) {
                out.append("        if (").append(local(component)).append(" == null) {\n")
                        .append("            throw in.missing(\"").append(record.getSimpleName()).append("\", \"")
                        .append(component.getName()).append("\");\n        }\n");
            }
        }
        out.append("        try {\n            return new ").append(name).append('(');
        for (int i = 0; i < components.length; i++) {
            out.append(i == 0 ? "" : ", ").append(local(components[i]));
        }
        out.append(");\n        } catch (RuntimeException e) {\n            throw in.invalid(\"")
                .append(record.getSimpleName()).append("\", e);\n        }\n    }\n");

        out.append("\n    public static void ").append(methodName("write", record)).append('(').append(name)
                .append(" value, JsonOutput out) {\n")
                .append("        if (value == null) {\n            out.nullValue();\n            return;\n        }\n")
                .append("        out.beginObject();\n");
        for (Map.Entry<String, Method> property : properties(record).entrySet()) {
            Method accessor = property.getValue();
            String value = "value." + accessor.getName() + "()";
            String where = record.getName() + "." + accessor.getName();
            String statement = "out.name(\"" + property.getKey() + "\");\n"
                    + write(accessor.getGenericReturnType(), value, pkg, where);
            if (accessor.getReturnType().isPrimitive()) {
                out.append(statement.indent(8));
            } else {
                out.append("        if (").append(value).append(" != null || out.nullsWritten()) {\n")
                        .append(statement.indent(12)).append("        }\n");
            }
        }
        out.append("        out.endObject();\n    }\n");
    }

    /**
     * The properties jackson-jr writes of {@code record}, by name, as it orders them: its components, and its public
     * getters ({@code getX()}, and {@code isX()} of a boolean), named as jackson-jr names them.
     */
    static Map<String, Method> properties(Class<?> record) {
        Map<String, Method> properties = new TreeMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.put(component.getName(), component.getAccessor());
        }
        for (Method method : record.getMethods()) {
            String name = method.getName();
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0
                    || method.getDeclaringClass() == Object.class || method.getDeclaringClass() == Record.class) {
                continue;
            }
            String property = null;
            if (name.startsWith("get") && name.length() > 3 && method.getReturnType() != void.class) {
                property = decapitalized(name.substring(3));
            } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
                property = decapitalized(name.substring(2));
            }
            if (property != null && properties.putIfAbsent(property, method) != null) {
                throw new IllegalArgumentException(record.getName() + "." + name + " and a component are both \""
                        + property + "\"");
            }
        }
        return properties;
    }

    /** jackson-jr's name for a getter's rest: its first letter lower-cased, unless the second is upper-case too. */
    private static String decapitalized(String rest) {
        char first = rest.charAt(0);
        if (Character.isLowerCase(first) || rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
            return rest;
        }
        return Character.toLowerCase(first) + rest.substring(1);
    }

    private static void writeEnum(StringBuilder out, Class<?> type) {
        String name = type.getCanonicalName();
        out.append("\n    public static ").append(name).append(' ').append(methodName("read", type))
                .append("(JsonInput in) throws IOException {\n")
                .append("        String name = in.string();\n")
                .append("        if (name == null) {\n            return null;\n        }\n")
                .append("        switch (name) {\n");
        for (Object constant : type.getEnumConstants()) {
            String constantName = ((Enum<?>) constant).name();
            if (!constantName.equals(constant.toString())) {
                throw new IllegalArgumentException(name + "." + constantName + " is written as " + constant
                        + ": jackson-jr would write that name, this table reads by name");
            }
            out.append("            case \"").append(constantName).append("\":\n                return ").append(name)
                    .append('.').append(constantName).append(";\n");
        }
        out.append("            default:\n                throw in.unknown(\"").append(type.getSimpleName())
                .append("\", name);\n        }\n    }\n")
                .append("\n    public static void ").append(methodName("write", type)).append('(').append(name)
                .append(" value, JsonOutput out) {\n")
                .append("        out.string(value == null ? null : value.name());\n    }\n");
    }

    /**
     * A list's or a map's reader and writer. An empty one reads as {@code List.of()} or {@code Map.of()}: most of a
     * container's lists and maps are empty, and the records copy what they are given, which an immutable empty
     * collection spares (a listing of 200 containers parses some 3000 of them).
     */
    private void writeContainer(StringBuilder out, ParameterizedType type, String pkg) {
        boolean list = type.getRawType() == List.class;
        Type element = type.getActualTypeArguments()[list ? 0 : 1];
        String elementType = boxed(element);
        String collection = list ? "java.util.List<" + elementType + ">"
                : "java.util.Map<String, " + elementType + ">";
        out.append("\n    public static ").append(collection).append(' ').append(methodName("read", type))
                .append("(JsonInput in) throws IOException {\n")
                .append("        if (in.nextIsNull()) {\n            return null;\n        }\n");
        String read = read(element, pkg, type.getTypeName());
        if (list) {
            out.append("        in.beginArray();\n")
                    .append("        if (!in.hasNextElement()) {\n            return java.util.List.of();\n        }\n")
                    .append("        java.util.List<").append(elementType).append("> list = new java.util.ArrayList<>();\n")
                    .append("        do {\n")
                    .append("            list.add(").append(read).append(");\n        } while (in.hasNextElement());\n")
                    .append("        return list;\n    }\n");
        } else {
            out.append("        in.beginObject();\n")
                    .append("        String key = in.nextName();\n")
                    .append("        if (key == null) {\n            return java.util.Map.of();\n        }\n")
                    .append("        java.util.Map<String, ").append(elementType)
                    .append("> map = new java.util.LinkedHashMap<>();\n")
                    .append("        for (; key != null; key = in.nextName()) {\n")
                    .append("            map.put(key, ").append(read).append(");\n        }\n        return map;\n    }\n");
        }
        out.append("\n    public static void ").append(methodName("write", type)).append('(').append(collection)
                .append(" value, JsonOutput out) {\n")
                .append("        if (value == null) {\n            out.nullValue();\n            return;\n        }\n");
        String write = write(element, list ? "element" : "entry.getValue()", pkg, type.getTypeName());
        if (list) {
            out.append("        out.beginArray();\n        for (").append(elementType).append(" element : value) {\n")
                    .append("            out.element();\n            ").append(write)
                    .append("\n        }\n        out.endArray();\n    }\n");
        } else {
            out.append("        out.beginObject();\n")
                    .append("        for (java.util.Map.Entry<String, ").append(elementType)
                    .append("> entry : value.entrySet()) {\n")
                    .append("            if (entry.getValue() != null || out.nullsWritten()) {\n")
                    .append("                out.name(entry.getKey());\n                ").append(write)
                    .append("\n            }\n        }\n        out.endObject();\n    }\n");
        }
    }

    private static String local(RecordComponent component) {
        return "_" + component.getName();
    }

    private static String boxed(Type type) {
        if (type == int.class) {
            return "Integer";
        } else if (type == long.class) {
            return "Long";
        } else if (type == boolean.class) {
            return "Boolean";
        } else if (type instanceof Class<?> c) {
            return c.getCanonicalName();
        }
        ParameterizedType generic = (ParameterizedType) type;
        StringBuilder name = new StringBuilder(((Class<?>) generic.getRawType()).getCanonicalName()).append('<');
        Type[] arguments = generic.getActualTypeArguments();
        for (int i = 0; i < arguments.length; i++) {
            name.append(i == 0 ? "" : ", ").append(boxed(arguments[i]));
        }
        return name.append('>').toString();
    }

    private static String methodName(String kind, Type type) {
        return kind + typeName(type);
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType generic) {
            boolean list = generic.getRawType() == List.class;
            return (list ? "ListOf" : "MapOf") + typeName(generic.getActualTypeArguments()[list ? 0 : 1]);
        }
        Class<?> c = (Class<?>) type;
        return c.getName().substring(c.getPackageName().length() + 1).replace("$", "");
    }
}
