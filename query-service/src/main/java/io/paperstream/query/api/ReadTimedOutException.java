package io.paperstream.query.api;

import java.util.concurrent.TimeoutException;

/** The database did not answer a read in time; the API answers 503 (see {@link BoundedRead}). */
public class ReadTimedOutException extends TimeoutException {
    public ReadTimedOutException(String message) {
        super(message);
    }
}
