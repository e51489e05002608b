package dev.vaina.store;

import java.io.IOException;
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

/**
 * Writes, for each package that stores records, a {@code RecordReaderTable} (Java source) that reads them and every
 * record, enum, list and map they hold, field by field, from {@link JsonInput}: reading them through jackson-jr
 * meant introspecting each type by reflection in every command that read one. The build runs it after compiling
 * and compiles what it wrote: {@code RecordReaderTableWriter SOURCE-DIR PACKAGE=ROOT,ROOT... ...}. A type is read
 * by the first table (in the order given) that reaches it; later tables call it there.
 * A field of a type the table cannot read (anything but records, enums, strings, ints, longs, booleans, their
 * boxes, lists and maps keyed by strings) fails the build, so that no record falls back to reflection unnoticed.
 */
public final class RecordReaderTableWriter {
    static final String CLASS = "RecordReaderTable";

    /** Each type read, and the table (package) that reads it. */
    private final Map<Type, String> owners = new LinkedHashMap<>();
    /** The source of each package's reader methods, in the order their types were met. */
    private final Map<String, StringBuilder> methods = new LinkedHashMap<>();
    /** The method names each table has, to fail on two types of one simple name. */
    private final Map<String, Type> names = new LinkedHashMap<>();

    private RecordReaderTableWriter() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length < 2) {
            System.err.println("usage: RecordReaderTableWriter GENERATED-SOURCE-DIRECTORY PACKAGE=ROOT-CLASS,...");
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
        for (Map.Entry<String, String> table : sources(roots).entrySet()) {
            Path file = Path.of(args[0]).resolve(table.getKey().replace('.', '/')).resolve(CLASS + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Each table's source, by its package, for the root records each reads (the first package's first). */
    static Map<String, String> sources(Map<String, List<Class<?>>> rootsByPackage) {
        RecordReaderTableWriter writer = new RecordReaderTableWriter();
        for (Map.Entry<String, List<Class<?>>> table : rootsByPackage.entrySet()) {
            writer.methods.put(table.getKey(), new StringBuilder());
            for (Class<?> root : table.getValue()) {
                if (!root.isRecord()) {
                    throw new IllegalArgumentException(root.getName() + " is not a record");
                }
                writer.reader(root, table.getKey());
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, List<Class<?>>> table : rootsByPackage.entrySet()) {
            sources.put(table.getKey(), writer.source(table.getKey(), table.getValue()));
        }
        return sources;
    }

    private String source(String pkg, List<Class<?>> tableRoots) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n")
                .append("import dev.vaina.store.JsonInput;\nimport java.io.IOException;\n\n")
                .append("/** Written by RecordReaderTableWriter from the records' components when vaina was built. */\n")
                .append("public final class ").append(CLASS).append(" implements dev.vaina.store.RecordReaders {\n")
                .append("    @Override\n    public boolean reads(Class<?> type) {\n        return ");
        for (int i = 0; i < tableRoots.size(); i++) {
            out.append(i == 0 ? "" : "\n                || ").append("type == ")
                    .append(tableRoots.get(i).getCanonicalName()).append(".class");
        }
        out.append(";\n    }\n\n    @Override\n    public Object read(Class<?> type, JsonInput in) throws IOException {\n");
        for (Class<?> root : tableRoots) {
            out.append("        if (type == ").append(root.getCanonicalName()).append(".class) {\n")
                    .append("            return ").append(methodName(root)).append("(in);\n        }\n");
        }
        out.append("        throw new IllegalArgumentException(\"no reader for \" + type);\n    }\n")
                .append(methods.get(pkg)).append("}\n");
        return out.toString();
    }

    /** The expression that calls the reader of {@code type} from the table of {@code pkg}, written if new. */
    private String reader(Type type, String pkg) {
        String owner = owners.get(type);
        if (owner == null) {
            owner = pkg;
            owners.put(type, owner);
            Type named = names.putIfAbsent(pkg + "." + methodName(type), type);
            if (named != null) {
                throw new IllegalArgumentException(type.getTypeName() + " and " + named.getTypeName()
                        + " would have one reader's name in " + pkg);
            }
            StringBuilder method = new StringBuilder();
            if (type instanceof ParameterizedType generic) {
                writeContainer(method, generic, pkg);
            } else if (type instanceof Class<?> c && c.isRecord()) {
                writeRecord(method, c, pkg);
            } else if (type instanceof Class<?> c && c.isEnum()) {
                writeEnum(method, c);
            } else {
                throw new IllegalArgumentException("no reader for " + type.getTypeName());
            }
            methods.get(pkg).append(method);
        }
        return (owner.equals(pkg) ? "" : owner + "." + CLASS + ".") + methodName(type) + "(in)";
    }

    /** The expression that reads a value of {@code type}. */
    private String value(Type type, String pkg, String where) {
        if (type == String.class) {
            return "in.string()";
        } else if (type == int.class) {
            return "in.intValue()";
        } else if (type == long.class) {
            return "in.longValue()";
        } else if (type == boolean.class) {
            return "in.booleanValue()";
        } else if (type == Integer.class) {
            return "in.integerOrNull()";
        } else if (type == Long.class) {
            return "in.longOrNull()";
        } else if (type == Boolean.class) {
            return "in.booleanOrNull()";
        } else if (type instanceof Class<?> c && (c.isRecord() || c.isEnum())
                || type instanceof ParameterizedType generic && (generic.getRawType() == List.class
                        || generic.getRawType() == Map.class && generic.getActualTypeArguments()[0] == String.class)) {
            if (type instanceof Class<?> c && !Modifier.isPublic(c.getModifiers())) {
                throw new IllegalArgumentException(where + ": " + c.getName() + " is not public");
            }
            return reader(type, pkg);
        }
        throw new IllegalArgumentException(where + ": no reader for " + type.getTypeName()
                + " (records, enums, String, int, long, boolean, their boxes, List and Map<String, ...> are read)");
    }

    private void writeRecord(StringBuilder out, Class<?> record, String pkg) {
        String name = record.getCanonicalName();
        out.append("\n    public static ").append(name).append(' ').append(methodName(record))
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
                    .append(" = ").append(value(component.getGenericType(), pkg, record.getName() + "." + component.getName()))
                    .append(";\n");
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
    }

    private static void writeEnum(StringBuilder out, Class<?> type) {
        String name = type.getCanonicalName();
        out.append("\n    public static ").append(name).append(' ').append(methodName(type))
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
                .append("\", name);\n        }\n    }\n");
    }

    private void writeContainer(StringBuilder out, ParameterizedType type, String pkg) {
        boolean list = type.getRawType() == List.class;
        Type element = type.getActualTypeArguments()[list ? 0 : 1];
        String elementType = boxed(element);
        String collection = list ? "java.util.List<" + elementType + ">"
                : "java.util.Map<String, " + elementType + ">";
        out.append("\n    public static ").append(collection).append(' ').append(methodName(type))
                .append("(JsonInput in) throws IOException {\n")
                .append("        if (in.nextIsNull()) {\n            return null;\n        }\n");
        String read = value(element, pkg, type.getTypeName());
        if (list) {
            out.append("        java.util.List<").append(elementType).append("> list = new java.util.ArrayList<>();\n")
                    .append("        in.beginArray();\n        while (in.hasNextElement()) {\n")
                    .append("            list.add(").append(read).append(");\n        }\n        return list;\n    }\n");
        } else {
            out.append("        java.util.Map<String, ").append(elementType)
                    .append("> map = new java.util.LinkedHashMap<>();\n")
                    .append("        in.beginObject();\n")
                    .append("        for (String key = in.nextName(); key != null; key = in.nextName()) {\n")
                    .append("            map.put(key, ").append(read).append(");\n        }\n        return map;\n    }\n");
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

    private static String methodName(Type type) {
        return "read" + typeName(type);
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
