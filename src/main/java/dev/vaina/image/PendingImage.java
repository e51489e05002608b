package dev.vaina.image;

import java.util.Objects;

/** An image about to be written: its record and the exact config bytes whose digest is its id. */
record PendingImage(ImageRecord record, byte[] configJson) {
    PendingImage {
        Objects.requireNonNull(record, "record");
        if (!Digests.sha256Hex(configJson).equals(record.id())) {
            throw new IllegalArgumentException("image " + record.id() + ": the config's sha256 is not the image id");
        }
    }
}
