package dev.vaina.spec;

/**
 * One line of a user namespace's uid_map or gid_map: ids containerId.. containerId+size-1 inside are
 * hostId.. hostId+size-1 in the parent namespace.
 */
public record IdMapping(long containerId, long hostId, long size) {
    private static final long MAX_ID = 0xFFFFFFFFL;

    public IdMapping {
        if (containerId < 0 || hostId < 0 || size < 1 || containerId + size - 1 > MAX_ID || hostId + size - 1 > MAX_ID) {
            throw new InvalidSpecException("invalid id mapping " + containerId + ":" + hostId + ":" + size
                    + ": ids and sizes are 32-bit numbers and a mapping holds at least one id");
        }
    }

    /**
     * --uidmap/--gidmap's CONTAINER:HOST:SIZE, with Podman's message for a malformed one.
     *
     * @param setting "UID" or "GID", as the message names it
     */
    public static IdMapping parse(String text, String setting) {
        String[] fields = text.split(":", -1);
        if (fields.length == 3) {
            try {
                long[] numbers = new long[3];
                for (int i = 0; i < 3; i++) {
                    numbers[i] = Long.parseLong(fields[i]);
                    if (numbers[i] < 0 || numbers[i] > MAX_ID) {
                        throw new NumberFormatException();
                    }
                }
                if (numbers[2] > 0) {
                    return new IdMapping(numbers[0], numbers[1], numbers[2]);
                }
            } catch (NumberFormatException e) {
                // said below
            }
        }
        throw new InvalidSpecException("initializing ID mappings: " + setting
                + " setting is malformed expected [\"uint32:uint32:uint32\"]: [\"" + text + "\"]");
    }

    boolean holdsContainerId(long id) {
        return id >= containerId && id < containerId + size;
    }

    boolean overlapsHostIds(long start, long count) {
        return hostId < start + count && start < hostId + size;
    }

    @Override
    public String toString() {
        return containerId + ":" + hostId + ":" + size;
    }
}
