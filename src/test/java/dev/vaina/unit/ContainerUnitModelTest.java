package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vaina.testsupport.ShortStrings;

/** The model's name checks, held to the patterns they replaced on every short string of the pieces that matter. */
class ContainerUnitModelTest {
    private static final List<String> PIECES = List.of("a", "Z9", ":_.-", "@", " ", "/", ".service", ".timer",
            ".slice", "\u00e9");

    @Test
    void unitNames_matchTheirFormerPatterns() {
        Pattern service = Pattern.compile("[a-zA-Z0-9:_.\\-]+\\.service");
        Pattern template = Pattern.compile("[a-zA-Z0-9:_.@-]+\\.service");
        Pattern slice = Pattern.compile("[a-zA-Z0-9:_.\\-]+\\.slice");
        Pattern list = Pattern.compile("[a-zA-Z0-9:_.\\-]+\\.(timer|service)( [a-zA-Z0-9:_.\\-]+\\.(timer|service))*");
        for (String text : ShortStrings.of(PIECES, 4)) {
            assertEquals(service.matcher(text).matches(), ContainerUnitModel.isUnitName(text, "", ".service"), text);
            assertEquals(template.matcher(text).matches(), ContainerUnitModel.isUnitName(text, "@", ".service"), text);
            assertEquals(slice.matcher(text).matches(), ContainerUnitModel.isUnitName(text, "", ".slice"), text);
            assertEquals(list.matcher(text).matches(), ContainerUnitModel.isUnitList(text), text);
        }
    }

    @Test
    void signalNames_matchTheirFormerPattern() {
        Pattern signal = Pattern.compile("SIG[A-Z0-9+]+");
        for (String text : ShortStrings.of(List.of("SIG", "S", "TERM", "RTMIN", "+3", "a", " ", "\u00c9"), 4)) {
            assertEquals(signal.matcher(text).matches(), ContainerUnitModel.isSignalName(text), text);
        }
    }
}
