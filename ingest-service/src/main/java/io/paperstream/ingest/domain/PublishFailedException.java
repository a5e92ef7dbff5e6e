package io.paperstream.ingest.domain;

/** The sink (Kafka) did not acknowledge in time or refused: the request fails and may be retried as it is. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
