package dev.vaina.cli.containers;

/**
 * One line of a Kubernetes CRI log file: {@code TIMESTAMP STREAM F|P TEXT}. P marks a partial line whose
 * text continues in the next entry, so no newline follows it.
 */
record CriLogLine(String timestamp, boolean stderr, boolean partial, String text) {

    static CriLogLine parse(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        int third = second < 0 ? -1 : line.indexOf(' ', second + 1);
        if (third < 0) {
            // Not ours; show it rather than lose it.
            return new CriLogLine("", false, false, line);
        }
        String stream = line.substring(first + 1, second);
        String tag = line.substring(second + 1, third);
        return new CriLogLine(line.substring(0, first), stream.equals("stderr"), tag.equals("P"),
                line.substring(third + 1));
    }

    String output() {
        return partial ? text : text + "\n";
    }
}
