package io.paperstream.ingest.domain;

/**
 * Length and count limits of an accepted paper, in Unicode code points after normalisation.
 * The upper bounds never exceed those of the {@code raw-paper.v1} JSON Schema.
 */
public record PaperLimits(
        int titleMin,
        int titleMax,
        int abstractMin,
        int abstractMax,
        int authorsMax,
        int authorMax,
        int commentMax,
        int listMax,
        int termMax,
        int urlMax) {

    public static final PaperLimits DEFAULTS = new PaperLimits(2, 1000, 10, 20000, 2000, 300, 5000, 100, 200, 2048);
}
