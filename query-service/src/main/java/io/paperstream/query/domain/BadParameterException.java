package io.paperstream.query.domain;

/** A query parameter the API refuses; answered as 400 problem+json naming the parameter. */
public class BadParameterException extends RuntimeException {
    private final String parameter;
    private final String code;

    public BadParameterException(String parameter, String detail) {
        this(parameter, "invalid", detail);
    }

    /** @param code what is wrong, for programs: invalid, unknown, out-of-range, too-long, empty */
    public BadParameterException(String parameter, String code, String detail) {
        super(detail);
        this.parameter = parameter;
        this.code = code;
    }

    public String parameter() {
        return parameter;
    }

    public String code() {
        return code;
    }
}
