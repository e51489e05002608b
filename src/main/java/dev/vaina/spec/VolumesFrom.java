package dev.vaina.spec;

/**
 * --volumes-from CONTAINER[:OPTIONS]: the other container's volumes and bind mounts, read-only or read-write
 * as asked ({@code readOnly} null: as they are there).
 */
public record VolumesFrom(String container, Boolean readOnly) {

    public static VolumesFrom parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new VolumesFrom(text, null);
        }
        Boolean readOnly = null;
        for (String option : text.substring(colon + 1).split(",")) {
            switch (option) {
                case "ro" -> readOnly = true;
                case "rw" -> readOnly = false;
                case "z" -> { } // SELinux relabelling: nothing to do without SELinux
                default -> throw new InvalidSpecException("invalid option \"" + option
                        + "\" specified - volumes from another container can only use z,ro,rw options");
            }
        }
        return new VolumesFrom(text.substring(0, colon), readOnly);
    }
}
