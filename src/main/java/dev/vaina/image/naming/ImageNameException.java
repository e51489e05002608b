package dev.vaina.image.naming;

/** An image name that cannot be turned into something to pull: an unresolvable short name, a blocked registry. */
public final class ImageNameException extends RuntimeException {
    public ImageNameException(String message) {
        super(message);
    }
}
