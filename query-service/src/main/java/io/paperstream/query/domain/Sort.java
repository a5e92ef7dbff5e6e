package io.paperstream.query.domain;

import java.util.Locale;

/** Result orders of the paper search. */
public enum Sort {
    RELEVANCE,
    NEWEST,
    OLDEST;

    public static Sort parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("sort", "must be one of relevance, newest, oldest; got '" + value + "'");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
