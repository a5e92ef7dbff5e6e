package io.paperstream.kit;

/**
 * A request's Content-Length header as a number, for the routes that answer an announced body over a limit from the
 * header alone (ingest's upload and body-limit routes, query's body-limit route).
 */
public final class ContentLength {
    /** What {@link #parse} answers for a header that is absent or not a number. */
    public static final long UNKNOWN = -1;

    private ContentLength() {}

    /**
     * The header's value: the decimal number it holds, surrounding white space ignored ({@code " 42 "} is 42); an
     * explicit sign is taken as {@link Long#parseLong} takes it ({@code "+42"} is 42, {@code "-5"} is -5). An absent
     * header (null), an empty one, one that is not a number, and one beyond {@link Long#MAX_VALUE} are
     * {@link #UNKNOWN} (-1), so that they are never over a limit.
     */
    public static long parse(String header) {
        if (header == null) {
            return UNKNOWN;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }
}
