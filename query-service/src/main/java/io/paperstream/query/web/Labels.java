package io.paperstream.query.web;

import java.util.Map;

/** Words for the API's values. */
final class Labels {
    private static final Map<String, String> LINK_KINDS = Map.of(
            "code",
            "Code",
            "model",
            "Model",
            "dataset",
            "Dataset",
            "space",
            "Space",
            "project-page",
            "Project page",
            "paper",
            "Paper",
            "organization",
            "Organization",
            "other",
            "Link");

    private Labels() {}

    static String linkKind(String kind) {
        return kind == null ? "Link" : LINK_KINDS.getOrDefault(kind, kind);
    }
}
