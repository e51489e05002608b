package dev.vaina.image.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a request that failed transiently (connection reset or refused mid-transfer, HTTP 5xx, 429) is
 * tried, and how long to wait before the next try. The delay doubles after each failure, like Podman's
 * {@code --retry}/{@code --retry-delay} whose defaults ({@link #DEFAULT}: 3 attempts after the first,
 * exponential from 1 s) this copies.
 *
 * @param attempts retries after the first try (0: no retry)
 * @param delay the wait before the first retry
 */
public record RetryPolicy(int attempts, Duration delay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 0) {
            throw new IllegalArgumentException("retry attempts must not be negative, got " + attempts);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative, got " + delay);
        }
    }

    /** The wait before retry number {@code retry} (1-based). */
    Duration delayBefore(int retry) {
        return delay.multipliedBy(1L << Math.min(retry - 1, 16));
    }
}
