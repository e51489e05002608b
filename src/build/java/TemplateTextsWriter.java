import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes dev.vaina.unit.TemplateTexts, the text of every file of templates/ as a string constant, so that a
 * command renders its units without opening vaina's jar (reading a resource opens the jar and reads its whole
 * central directory, some 4000 entries, where every class comes from the class-data archive). Run by the
 * build before the compiler, as a single-file program: java src/build/java/TemplateTextsWriter.java
 * TEMPLATES OUT.
 */
public final class TemplateTextsWriter {
    private TemplateTextsWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TemplateTextsWriter TEMPLATES-DIR SOURCE-ROOT");
        }
        TreeMap<String, String> texts = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(Path.of(args[0]), "*.ftl")) {
            listing.forEach(files::add);
        }
        for (Path file : files) {
            texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        StringBuilder out = new StringBuilder();
        out.append("package dev.vaina.unit;\n\n");
        out.append("/** The files of templates/, written by the build (src/build/java/TemplateTextsWriter.java). */\n");
        out.append("final class TemplateTexts {\n");
        out.append("    private TemplateTexts() {\n    }\n\n");
        out.append("    /** The text of templates/NAME, or null when there is no such template. */\n");
        out.append("    static String text(String name) {\n");
        out.append("        return switch (name) {\n");
        texts.forEach((name, text) -> out.append("            case ").append(literal(name)).append(" -> ")
                .append(literal(text)).append(";\n"));
        out.append("            default -> null;\n");
        out.append("        };\n    }\n}\n");
        Path target = Path.of(args[1], "dev", "vaina", "unit", "TemplateTexts.java");
        Files.createDirectories(target.getParent());
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            Files.write(target, bytes);
        }
    }

    private static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n\"\n                    + \"");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
