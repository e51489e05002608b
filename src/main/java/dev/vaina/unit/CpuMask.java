package dev.vaina.unit;

/** A cpuset list ("0-2,4") as the bitmask systemd's AllowedCPUs= and AllowedMemoryNodes= take over D-Bus (ay). */
final class CpuMask {
    private CpuMask() {
    }

    static byte[] of(String list) {
        int highest = 0;
        for (String part : list.split(",")) {
            String[] range = part.split("-");
            highest = Math.max(highest, Integer.parseInt(range[range.length - 1]));
        }
        byte[] mask = new byte[highest / 8 + 1];
        for (String part : list.split(",")) {
            String[] range = part.split("-");
            int first = Integer.parseInt(range[0]);
            int last = Integer.parseInt(range[range.length - 1]);
            for (int cpu = first; cpu <= last; cpu++) {
                mask[cpu / 8] |= (byte) (1 << (cpu % 8));
            }
        }
        return mask;
    }
}
