package dev.vaina.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnitFileTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/unit");

    static Stream<Path> realUnits() throws IOException {
        return Files.list(FIXTURES.resolve("real")).sorted();
    }

    @ParameterizedTest
    @MethodSource("realUnits")
    void roundTrip_realUnitFilesComeBackByteForByte(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(text, UnitFile.parse(text, file.toString()).text());
    }

    @Test
    void roundTrip_trickyFileComesBackByteForByte() throws IOException {
        String text = Files.readString(FIXTURES.resolve("tricky.container"));
        assertEquals(text, UnitFile.parse(text, "tricky.container").text());
    }

    @Test
    void roundTrip_withoutFinalNewline() {
        String text = "[Unit]\nDescription=x";
        assertEquals(text, UnitFile.parse(text, "t").text());
    }

    @Test
    void lookup_realServiceKeepsOrderAndRepeats() throws IOException {
        UnitFile unit = UnitFile.read(FIXTURES.resolve("real/man-db.service"));
        assertEquals(List.of("Unit", "Service"), unit.sectionNames());
        assertEquals(List.of("+/usr/bin/install -d -o man -g man -m 0755 /var/cache/man",
                "/usr/bin/find /var/cache/man -type f -name *.gz -atime +6 -delete", "/usr/bin/mandb --quiet"),
                unit.lookupAll("Service", "ExecStart"));
        assertEquals(Optional.of("oneshot"), unit.lookupLast("Service", "Type"));
        assertEquals(Optional.empty(), unit.lookupLast("Service", "Restart"));
        assertEquals(Optional.empty(), unit.lookupLast("Install", "WantedBy"));
    }

    @Test
    void lookup_continuationLinesJoinWithASpaceAndSkipComments() throws IOException {
        UnitFile unit = UnitFile.read(FIXTURES.resolve("tricky.container"));
        assertEquals(Optional.of("/bin/sh -c  \"echo one;  echo two\""), unit.lookupLast("Service", "ExecStart"));
    }

    @Test
    void lookup_valuesAreTrimmedAndKeepEqualsSigns() throws IOException {
        UnitFile unit = UnitFile.read(FIXTURES.resolve("tricky.container"));
        assertEquals(Optional.of("Tricky"), unit.lookupLast("Unit", "Description"));
        assertEquals(Optional.of("value with = inside"), unit.lookupLast("Service", "Indented"));
        assertEquals(Optional.of("ends with an escaped backslash \\\\"), unit.lookupLast("Service", "Backslash"));
    }

    @Test
    void lookupAll_emptyAssignmentResetsTheList() throws IOException {
        UnitFile unit = UnitFile.read(FIXTURES.resolve("tricky.container"));
        assertEquals(List.of("C=3"), unit.lookupAll("Service", "Environment"));
        assertEquals(List.of("a.service", "b.service"), unit.lookupAll("Unit", "After"));
    }

    @Test
    void sectionsOfTheSameNameReadAsOne() throws IOException {
        UnitFile unit = UnitFile.read(FIXTURES.resolve("tricky.container"));
        assertEquals(List.of("Unit", "Service", "X-Container"), unit.sectionNames());
        assertEquals(Optional.of("nobody"), unit.lookupLast("Service", "User"));
        assertTrue(unit.entries("Service").contains(new UnitFile.Entry("User", "nobody")));
    }

    @Test
    void set_changesTheFirstAssignmentRemovesTheOthersAndKeepsEverythingElse() {
        UnitFile unit = UnitFile.parse("# head\n[Unit]\nAfter=a\n# keep me\nAfter=b\nWants=c\n", "t");
        unit.set("Unit", "After", "z");
        assertEquals("# head\n[Unit]\nAfter=z\n# keep me\nWants=c\n", unit.text());
    }

    @Test
    void add_appendsAfterTheLastAssignmentNotAfterTrailingBlankLines() {
        UnitFile unit = UnitFile.parse("[Unit]\nAfter=a\n\n[Service]\nType=simple\n", "t");
        unit.add("Unit", "After", "b");
        unit.add("Install", "WantedBy", "default.target");
        assertEquals("[Unit]\nAfter=a\nAfter=b\n\n[Service]\nType=simple\n[Install]\nWantedBy=default.target\n",
                unit.text());
        assertEquals(List.of("a", "b"), unit.lookupAll("Unit", "After"));
    }

    @Test
    void set_onAContinuedLineRewritesItAsOneLine() throws IOException {
        UnitFile unit = UnitFile.read(FIXTURES.resolve("tricky.container"));
        unit.set("Service", "ExecStart", "/bin/true");
        String text = unit.text();
        assertTrue(text.contains("[Service]\nExecStart=/bin/true\nEnvironment=A=1 B=2\n"), text);
        assertEquals(Optional.of("/bin/true"), UnitFile.parse(text, "t").lookupLast("Service", "ExecStart"));
    }

    @Test
    void unsetAndRemoveSection() {
        UnitFile unit = UnitFile.parse("[Unit]\nAfter=a\nWants=b\nAfter=c\n[Install]\nWantedBy=x\n", "t");
        unit.unset("Unit", "After");
        unit.removeSection("Install");
        assertEquals("[Unit]\nWants=b\n", unit.text());
    }

    @Test
    void parse_assignmentOutsideASectionNamesFileAndLine() {
        UnitFileException e = assertThrows(UnitFileException.class,
                () -> UnitFile.parse("# c\nImage=busybox\n", "web.container"));
        assertEquals("web.container:2: assignment outside of a section: Image=busybox", e.getMessage());
    }

    @Test
    void parse_lineWithoutEqualsSign() {
        UnitFileException e = assertThrows(UnitFileException.class,
                () -> UnitFile.parse("[Container]\nImage busybox\n", "web.container"));
        assertEquals("web.container:2: expected KEY=VALUE, found Image busybox", e.getMessage());
    }

    @Test
    void parse_brokenSectionHeader() {
        assertThrows(UnitFileException.class, () -> UnitFile.parse("[Container\n", "web.container"));
    }

    @Test
    void set_refusesMultiLineValuesAndBadKeys() {
        UnitFile unit = new UnitFile();
        assertThrows(IllegalArgumentException.class, () -> unit.set("Unit", "Description", "a\nb"));
        assertThrows(IllegalArgumentException.class, () -> unit.set("Unit", "A=B", "c"));
        assertThrows(IllegalArgumentException.class, () -> unit.set("Unit", "#x", "c"));
    }
}
