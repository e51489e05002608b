package dev.vaina.spec;

import java.util.Comparator;
import java.util.function.Function;

/**
 * An order by a key read off each element, then, on equal keys, by another order. A class rather than
 * {@code Comparator.comparing} and {@code thenComparing}, whose lambdas are the JDK's: the CLI's class-data archive
 * does not hold them, so each command that sorted with them spun them at run time (a millisecond or two each, and
 * the bytecode generator's classes for the first). The key's function is the caller's own, archived with it.
 */
public final class KeyOrder<T, K extends Comparable<? super K>> implements Comparator<T> {
    private final Function<? super T, ? extends K> key;
    /** null: equal keys are equal. */
    private final Comparator<? super T> tieBreak;

    private KeyOrder(Function<? super T, ? extends K> key, Comparator<? super T> tieBreak) {
        this.key = key;
        this.tieBreak = tieBreak;
    }

    public static <T, K extends Comparable<? super K>> KeyOrder<T, K> by(Function<? super T, ? extends K> key) {
        return new KeyOrder<>(key, null);
    }

    /** This order, and {@code next} where the keys are equal. */
    public KeyOrder<T, K> thenBy(Comparator<? super T> next) {
        return new KeyOrder<>(key, next);
    }

    @Override
    public int compare(T a, T b) {
        int order = key.apply(a).compareTo(key.apply(b));
        return order != 0 || tieBreak == null ? order : tieBreak.compare(a, b);
    }
}
