package io.paperstream.enrich.domain.tags;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates a taxonomy YAML file; every problem is an IllegalArgumentException naming the tag. */
final class TaxonomyParser {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final Pattern CATEGORY = Pattern.compile("[a-z-]+(\\.[A-Za-z-]+)?");
    private static final Set<String> ROOT_FIELDS = Set.of("version", "model", "scoring", "tags");
    private static final Set<String> SCORING_FIELDS = Set.of("titleWeight", "repeatBonus");
    private static final Set<String> TAG_FIELDS =
            Set.of("name", "label", "arxivCategory", "threshold", "minTerms", "terms");

    private TaxonomyParser() {}

    /**
     * Parses a taxonomy; {@code baseDir} (may be null) resolves a {@code model:} given as a relative file path.
     */
    static Taxonomy parse(InputStream in, String source, Path baseDir) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "taxonomy " + source + " is not valid YAML: " + e.getOriginalMessage() + location(e), e);
        }
        String where = "taxonomy " + source;
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping with 'version' and 'tags'");
        }
        rejectUnknown(root, ROOT_FIELDS, where);
        String version = text(root, "version");
        if (version == null) {
            throw new IllegalArgumentException(where + ": missing 'version'");
        }
        ArxivModel model = model(text(root, "model"), baseDir, where);
        JsonNode scoring = root.path("scoring");
        if (!scoring.isMissingNode()) {
            rejectUnknown(scoring, SCORING_FIELDS, where + " scoring");
        }
        double titleWeight = number(scoring, "titleWeight", 2.0, where + " scoring");
        double repeatBonus = number(scoring, "repeatBonus", 0.5, where + " scoring");
        if (titleWeight < 0 || repeatBonus < 0) {
            throw new IllegalArgumentException(where + ": scoring weights must be >= 0");
        }
        JsonNode tagNodes = root.get("tags");
        if (tagNodes == null || !tagNodes.isArray() || tagNodes.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'tags' must be a non-empty list");
        }
        List<TagDefinition> tags = new ArrayList<>();
        Map<String, String> categories = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < tagNodes.size(); i++) {
            TagDefinition tag = tag(tagNodes.get(i), i, where, model);
            Integer previous = names.putIfAbsent(tag.name(), i);
            if (previous != null) {
                throw new IllegalArgumentException(where + ": duplicate tag name '" + tag.name() + "' (tags #"
                        + (previous + 1) + " and #" + (i + 1) + ")");
            }
            if (tag.arxivCategory() != null) {
                String other = categories.putIfAbsent(tag.arxivCategory().toLowerCase(), tag.name());
                if (other != null) {
                    throw new IllegalArgumentException(where + ": tag '" + tag.name() + "' repeats arxivCategory '"
                            + tag.arxivCategory() + "' of tag '" + other + "'");
                }
            }
            tags.add(tag);
        }
        return new Taxonomy(version, titleWeight, repeatBonus, tags, model);
    }

    /**
     * The learned model a taxonomy names: a model shipped with the service by name ({@code arxiv-areas}), or a model
     * file ({@code *.tsv}, relative to the taxonomy file's folder).
     */
    private static ArxivModel model(String name, Path baseDir, String where) {
        if (name == null) {
            return null;
        }
        try {
            if (name.endsWith(".tsv")) {
                Path file = Path.of(name);
                return ArxivModel.fromFile(baseDir == null || file.isAbsolute() ? file : baseDir.resolve(file));
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "'model' must name a shipped model (e.g. arxiv-areas) or a .tsv file");
            }
            return ArxivModel.fromResource(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static TagDefinition tag(JsonNode node, int index, String where, ArxivModel model) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": tag #" + (index + 1) + " is not a mapping");
        }
        String name = text(node, "name");
        if (name == null) {
            String label = text(node, "label");
            throw new IllegalArgumentException(where + ": tag #" + (index + 1)
                    + (label == null ? "" : " (label '" + label + "')") + " is missing 'name'");
        }
        String tagWhere = where + ": tag '" + name + "'";
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(tagWhere + ": name must be lower-case letters, digits, '-' or '.'");
        }
        rejectUnknown(node, TAG_FIELDS, tagWhere);
        String label = text(node, "label");
        String category = text(node, "arxivCategory");
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException(tagWhere + ": arxivCategory '" + category + "' is not like 'cs.CV'");
        }
        JsonNode minTerms = node.get("minTerms");
        if (node.get("terms") == null) {
            return learned(node, name, label, category, tagWhere, model);
        }
        JsonNode threshold = node.get("threshold");
        if (threshold == null
                || !threshold.isNumber()
                || !(threshold.asDouble() > 0)
                || Double.isInfinite(threshold.asDouble())) {
            throw new IllegalArgumentException(tagWhere + ": threshold must be a number > 0, got "
                    + (threshold == null ? "nothing" : "'" + threshold.asText() + "'"));
        }
        if (minTerms != null && (!minTerms.isIntegralNumber() || minTerms.asInt() < 1)) {
            throw new IllegalArgumentException(tagWhere + ": minTerms must be an integer >= 1");
        }
        return new TagDefinition(
                name,
                label == null ? name : label,
                category,
                threshold.asDouble(),
                minTerms == null ? 1 : minTerms.asInt(),
                terms(node.get("terms"), tagWhere));
    }

    /**
     * A tag without terms is scored by the taxonomy's learned model for its arXiv category: its threshold, if given,
     * is a probability (0 to 1) that replaces the model's own for that category.
     */
    private static TagDefinition learned(
            JsonNode node, String name, String label, String category, String tagWhere, ArxivModel model) {
        if (category == null || model == null) {
            throw new IllegalArgumentException(tagWhere + ": 'terms' must map at least one term to its weight"
                    + " (only a tag with an arxivCategory, in a taxonomy that names a 'model', may leave them out)");
        }
        int c = model.categoryIndex(category);
        if (c < 0) {
            throw new IllegalArgumentException(tagWhere + ": the model " + model.version() + " has no category '"
                    + category + "'; give the tag terms");
        }
        if (node.get("minTerms") != null) {
            throw new IllegalArgumentException(tagWhere + ": minTerms applies to terms, and this tag has none");
        }
        JsonNode threshold = node.get("threshold");
        if (threshold != null
                && (!threshold.isNumber() || !(threshold.asDouble() > 0) || !(threshold.asDouble() < 1))) {
            throw new IllegalArgumentException(tagWhere + ": the threshold of a learned tag is a probability between 0"
                    + " and 1, got '" + threshold.asText() + "'");
        }
        return new TagDefinition(
                name,
                label == null ? name : label,
                category,
                threshold == null ? model.threshold(c) : threshold.asDouble(),
                1,
                List.of());
    }

    private static List<TagDefinition.Term> terms(JsonNode node, String tagWhere) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException(tagWhere + ": 'terms' must map at least one term to its weight");
        }
        List<TagDefinition.Term> terms = new ArrayList<>();
        Map<String, String> normalised = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String text = entry.getKey().trim();
            JsonNode weight = entry.getValue();
            if (!weight.isNumber() || weight.asDouble() == 0 || !Double.isFinite(weight.asDouble())) {
                throw new IllegalArgumentException(tagWhere + ": term '" + text + "' needs a non-zero number weight");
            }
            String key = TermMatcher.normalise(text);
            if (key.isEmpty() || key.split(" ").length > TermMatcher.MAX_TERM_TOKENS) {
                throw new IllegalArgumentException(
                        tagWhere + ": term '" + text + "' must have 1 to " + TermMatcher.MAX_TERM_TOKENS + " words");
            }
            String same = normalised.putIfAbsent(key, text);
            if (same != null) {
                throw new IllegalArgumentException(
                        tagWhere + ": terms '" + same + "' and '" + text + "' are the same after normalisation");
            }
            terms.add(new TagDefinition.Term(text, weight.asDouble()));
        }
        return terms;
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed, String where) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String field = property.getKey();
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null
                || value.isNull()
                || !value.isValueNode()
                || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }

    private static double number(JsonNode node, String field, double fallback, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a number");
        }
        return value.asDouble();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
