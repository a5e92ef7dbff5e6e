package io.paperstream.ingest.sources;

/** Daily-papers answers in the Hugging Face API's shape, for the stand-ins. */
public final class HfDailyHarvesterTestDays {
    private HfDailyHarvesterTestDays() {}

    /** One day's entries in the API's shape: the entry wraps the paper, which carries the arXiv id. */
    public static String day(String date, String... ids) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("""
                    {"paper": {"id": "%s", "authors": [{"_id": "a1", "name": "Jiachen Zhu", "hidden": false},
                      {"_id": "a2", "name": "Yann LeCun", "hidden": false}],
                      "publishedAt": "%sT17:59:06.000Z", "title": "Paper %s",
                      "summary": "Normalization layers are ubiquitous in modern neural networks (%s).",
                      "upvotes": 12, "githubRepo": "https://github.com/example/%s", "ai_keywords": ["Dynamic Tanh"]},
                     "publishedAt": "%sT21:59:06.000Z", "title": "Paper %s", "numComments": 2,
                     "submittedBy": {"_id": "u1", "fullname": "AK", "name": "akhaliq"}}""".formatted(ids[i], date, ids[i], ids[i], ids[i].replace('.', '-'), date, ids[i]));
        }
        return out.append("]").toString();
    }
}
