package io.paperstream.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a link points at; the wire names are the lower-case, hyphenated forms. */
public enum LinkKind {
    CODE("code"),
    MODEL("model"),
    DATASET("dataset"),
    SPACE("space"),
    ORGANIZATION("organization"),
    PAPER("paper"),
    PROJECT_PAGE("project-page"),
    OTHER("other");

    private final String wireName;

    LinkKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static LinkKind fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (LinkKind kind : values()) {
            if (kind.wireName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown link kind: " + name);
    }
}
