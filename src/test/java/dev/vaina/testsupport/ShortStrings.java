package dev.vaina.testsupport;

import java.util.ArrayList;
import java.util.List;

/** Every short string made of given pieces: inputs on which a check is held to the pattern it replaced. */
public final class ShortStrings {
    private ShortStrings() {
    }

    /** Every sequence of up to {@code maxPieces} of {@code pieces} (repeats allowed), the empty string first. */
    public static List<String> of(List<String> pieces, int maxPieces) {
        List<String> all = new ArrayList<>(List.of(""));
        int from = 0;
        for (int length = 1; length <= maxPieces; length++) {
            int to = all.size();
            for (int i = from; i < to; i++) {
                for (String piece : pieces) {
                    all.add(all.get(i) + piece);
                }
            }
            from = to;
        }
        return all;
    }

    /** Every string of up to {@code maxLength} characters of {@code alphabet}, the empty one first. */
    public static List<String> of(String alphabet, int maxLength) {
        return of(alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toList(), maxLength);
    }
}
