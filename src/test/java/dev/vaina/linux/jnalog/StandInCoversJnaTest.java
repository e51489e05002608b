package dev.vaina.linux.jnalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every member of java.util.logging's {@code Logger} and {@code Level} that JNA's classes use is one the stand-ins
 * have, with the same descriptor once the relocation (pom.xml) has renamed the package: a JNA that calls another
 * would fail with NoSuchMethodError or NoSuchFieldError where it does, in a monitor. Read off the constant pools of
 * the JNA jar the build shades.
 */
class StandInCoversJnaTest {
    private static final String JDK = "java/util/logging/";
    private static final String STAND_IN = "dev/vaina/linux/jnalog/";

    @Test
    void everyLoggingMemberJnaUses_isOneTheStandInsHave() throws Exception {
        Path jar = Path.of(com.sun.jna.Native.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> used = new TreeSet<>();
        try (JarFile classes = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = classes.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    try (InputStream in = classes.getInputStream(entry)) {
                        used.addAll(loggingMembers(new DataInputStream(in)));
                    }
                }
            }
        }
        assertFalse(used.isEmpty(), "JNA's classes no longer use java.util.logging: the relocation can go");
        List<String> missing = new ArrayList<>();
        for (String member : used) {
            String relocated = member.replace(JDK, STAND_IN);
            if (!has(relocated)) {
                missing.add(member);
            }
        }
        assertEquals(List.of(), missing, "used by JNA, missing from the stand-ins (of " + used + ")");
    }

    /** "CLASS.NAME:DESCRIPTOR" for each field and method of java.util.logging's Logger and Level a class refers to. */
    private static List<String> loggingMembers(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] first = new int[count];
        int[] second = new int[count];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two entries
                }
                case 9, 10, 11, 12, 17, 18 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    first[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> members = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
                String owner = utf8[first[first[i]]];
                int nameAndType = second[i];
                if (owner.equals(JDK + "Logger") || owner.equals(JDK + "Level")) {
                    members.add(owner + "." + utf8[first[nameAndType]] + ":" + utf8[second[nameAndType]]);
                }
            }
        }
        return members;
    }

    private static boolean has(String member) throws ClassNotFoundException {
        String owner = member.substring(0, member.indexOf('.'));
        String name = member.substring(member.indexOf('.') + 1, member.indexOf(':'));
        String descriptor = member.substring(member.indexOf(':') + 1);
        Class<?> type = Class.forName(owner.replace('/', '.'));
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && descriptor(method).equals(descriptor)) {
                return true;
            }
        }
        for (Field field : type.getFields()) {
            if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers())
                    && descriptor(field.getType()).equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    private static String descriptor(Method method) {
        StringBuilder text = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            text.append(descriptor(parameter));
        }
        return text.append(')').append(descriptor(method.getReturnType())).toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (type.isPrimitive()) {
            return switch (type.getName()) {
                case "void" -> "V";
                case "boolean" -> "Z";
                case "int" -> "I";
                case "long" -> "J";
                default -> throw new IllegalArgumentException(type.getName());
            };
        }
        return "L" + type.getName().replace('.', '/') + ";";
    }
}
