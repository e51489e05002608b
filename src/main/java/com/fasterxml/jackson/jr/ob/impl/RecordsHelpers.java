package com.fasterxml.jackson.jr.ob.impl;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Stands in for jackson-jr's class of this name, which the build leaves out of vaina.jar (pom.xml): the same
 * answers about records, through Java 17's own calls. jackson-jr runs on Java 8, so its class reaches
 * {@code Class.getRecordComponents} and {@code RecordComponent.getType} by reflection; the first reflective call of
 * a JDK method that is caller-sensitive, as the first is, makes the JVM read that method's annotations (proxy
 * classes made at run time, 7-8 ms), and past 15 calls of one method the JVM generates an accessor class for it.
 * Every JVM of vaina that reads a record (the CLI, the launcher, the monitor's cleanup) paid that.
 */
final class RecordsHelpers {
    private RecordsHelpers() {
    }

    /** The record's canonical constructor, or null for a class that is not a record. */
    static Constructor<?> findCanonicalConstructor(Class<?> type) {
        if (!isRecordType(type)) {
            return null;
        }
        try {
            return type.getDeclaredConstructor(componentTypes(type));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Whether {@code constructor} is the canonical constructor of the record {@code type}, of these properties. */
    static boolean isRecordConstructor(Class<?> type, Constructor<?> constructor,
            Map<String, POJODefinition.PropBuilder> properties) {
        return isRecordType(type) && constructor.getParameterCount() == properties.size()
                && Arrays.equals(constructor.getParameterTypes(), componentTypes(type));
    }

    static boolean isRecordType(Class<?> type) {
        return type.getSuperclass() == Record.class;
    }

    /** The names of the record's fields, in their order. */
    static List<String> recordPropertyNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            names.add(field.getName());
        }
        return names;
    }

    private static Class<?>[] componentTypes(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        return types;
    }
}
