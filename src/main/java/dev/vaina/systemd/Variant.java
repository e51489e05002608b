package dev.vaina.systemd;

/** A D-Bus variant to send: a value with the signature of its single complete type ("s", "as", "a(sasb)"). */
record Variant(String signature, Object value) {
    static Variant of(String text) {
        return new Variant("s", text);
    }
}
