package dev.sfsync.server.alert;

/** Sends one alert to one destination; throws {@link DeliveryFailed} when the destination did not take it. */
interface Sender {
    void send(AlertEvent event);

    /** The destination refused or could not be reached; {@code retry} is false when trying again cannot help (a 4xx). */
    final class DeliveryFailed extends RuntimeException {
        private final boolean retry;

        DeliveryFailed(String message, boolean retry, Throwable cause) {
            super(message, cause);
            this.retry = retry;
        }

        boolean retry() {
            return retry;
        }
    }
}
