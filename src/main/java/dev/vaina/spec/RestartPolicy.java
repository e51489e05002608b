package dev.vaina.spec;

/**
 * A --restart value: no, on-failure[:N], always or unless-stopped. maxRetries is 0 when unlimited.
 */
public record RestartPolicy(Kind kind, int maxRetries) {
    public enum Kind {
        NO("no"), ON_FAILURE("on-failure"), ALWAYS("always"), UNLESS_STOPPED("unless-stopped");

        public final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    public static final RestartPolicy NO = new RestartPolicy(Kind.NO, 0);

    public static RestartPolicy parse(String text) {
        if (text == null || text.isEmpty()) {
            return NO;
        }
        String[] parts = text.split(":", 2);
        for (Kind kind : Kind.values()) {
            if (!kind.text.equals(parts[0])) {
                continue;
            }
            if (parts.length == 1) {
                return new RestartPolicy(kind, 0);
            }
            if (kind != Kind.ON_FAILURE) {
                throw new InvalidSpecException("restart policy retries can only be specified with on-failure");
            }
            try {
                int retries = Integer.parseInt(parts[1]);
                if (retries >= 0) {
                    return new RestartPolicy(kind, retries);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidSpecException("invalid restart policy retry count \"" + parts[1]
                    + "\": must be a whole number, 0 or more");
        }
        throw new InvalidSpecException("invalid restart policy \"" + text
                + "\": must be one of no, on-failure[:max-retries], always, unless-stopped");
    }

    @Override
    public String toString() {
        return kind == Kind.ON_FAILURE && maxRetries > 0 ? kind.text + ":" + maxRetries : kind.text;
    }
}
