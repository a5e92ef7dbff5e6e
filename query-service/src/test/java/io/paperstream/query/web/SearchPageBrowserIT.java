package io.paperstream.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.events.PaperJson;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.query.Feed;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page and the paper page in a real browser (Debian's headless Chromium through chromedriver), against the
 * real service with its real PostgreSQL and Kafka, holding the 70 papers of the sample digest as the pipeline enriches
 * them (src/test/resources/ui/sample-enriched.ndjson, made by src/test/ui-fixture/MakeSampleFixture.java). What a
 * person sees is compared with what the JSON API answers for the same parameters. Screenshots go to
 * target/screenshots.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SearchPageBrowserIT {
    /** A paper of the sample with a code link, and one more (with arXiv id, DOI, authors) linking the same repository. */
    static final String SAMPLE_WITH_CODE = "title:5da6cd5c9f98c444";

    static final String REPOSITORY = "harshays/inputgradients";
    static final String EXTRA = "arxiv:2409.99001";
    static final String EXTRA_TITLE = "Input gradients revisited in a browser test";
    /** Two more papers with arXiv categories and publication dates in other years (the sample has neither). */
    static final String DATED_2023 = "arxiv:2409.99005";

    static final String DATED_2022 = "arxiv:2409.99006";

    static List<JsonNode> sample;
    static Browser browser;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Once: the sample papers (and the extra one) into papers.enriched, then wait until the service stored them all. */
    @BeforeEach
    void seed() {
        browser.size(1280, 900);
        browser.colorScheme("light");
        if (sample != null) {
            return;
        }
        List<JsonNode> papers = readSample();
        try (Feed feed = new Feed()) {
            for (JsonNode p : papers) {
                feed.sendRaw(p.get("id").asText(), p.toString());
            }
            JsonNode extra = extraPaper(papers);
            feed.sendRaw(EXTRA, extra.toString());
            feed.sendRaw(
                    DATED_2023,
                    dated(papers.get(0), DATED_2023, "A catalogue entry from the year before", "2023-06-01", "cs.CL")
                            .toString());
            feed.sendRaw(
                    DATED_2022,
                    dated(papers.get(1), DATED_2022, "An older catalogue entry", "2022-02-02", "cs.CL", "cs.LG")
                            .toString());
        }
        List<String> missing =
                new ArrayList<>(papers.stream().map(p -> p.get("id").asText()).toList());
        missing.add(EXTRA);
        missing.add(DATED_2023);
        missing.add(DATED_2022);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            missing.removeIf(id -> status("/api/v1/papers/" + id) == 200);
            return missing.isEmpty();
        });
        sample = papers;
    }

    @Test
    void theFirstResultsAreInTheHtmlTheServerSendsWithNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/?q=" + enc("language model"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        JsonNode api = api("/api/v1/papers?q=" + enc("language model"));
        assertThat(api.get("items")).isNotEmpty();
        for (JsonNode item : api.get("items")) {
            assertThat(page.body()).contains(html(item.get("title").asText()));
        }
        // no CDN, nothing fetched from another origin: every src/href of a script, style sheet or image is our own
        assertThat(page.body()).doesNotContainPattern("<(script|link|img)[^>]+(src|href)=\"(https?:)?//");
        assertThat(page.headers().firstValue("content-security-policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void aSearchShowsWhatTheApiAnswers() {
        open("/?q=" + enc("language model"));
        JsonNode api = api("/api/v1/papers?q=" + enc("language model"));
        assertThat(titles()).isEqualTo(titles(api));
        assertThat(summary()).startsWith(totalText("q=" + enc("language model")) + " for “language model”");
        assertThat(browser.driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("language model");
        // every result shows its date, its tags and its links as chips by kind
        JsonNode first = api.get("items").get(0);
        WebElement entry = browser.driver.findElement(By.cssSelector(".results .paper"));
        assertThat(entry.findElements(By.cssSelector(".tags li")).stream()
                        .map(WebElement::getText)
                        .toList())
                .isEqualTo(stream(first.get("tags"))
                        .map(t -> t.get("name").asText())
                        .toList());
        browser.screenshot("search");
    }

    @Test
    void searchingFromTheBoxUpdatesResultsAndUrlWithoutReloading() {
        open("/");
        mark();
        WebElement box = browser.driver.findElement(By.id("q"));
        box.sendKeys("gradients", Keys.ENTER);
        waitForUrl(u -> u.endsWith("/?q=gradients"));
        JsonNode api = api("/api/v1/papers?q=gradients");
        waitUntil(() -> titles().equals(titles(api)));
        assertThat(marked()).as("the page was updated in place, not reloaded").isTrue();
    }

    @Test
    void theSortMenuReordersInPlace() {
        open("/?q=" + enc("model"));
        mark();
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("sort"))).selectByValue("oldest");
        waitForUrl(u -> u.endsWith("/?q=model&sort=oldest"));
        JsonNode api = api("/api/v1/papers?q=model&sort=oldest");
        waitUntil(() -> titles().equals(titles(api)));
        assertThat(browser.driver.findElement(By.id("sort")).getAttribute("value"))
                .isEqualTo("oldest");
        assertThat(marked()).isTrue();
    }

    @Test
    void aFacetClickNarrowsTheResultsAndShowsTheSelection() {
        open("/?q=" + enc("model"));
        JsonNode facets = api("/api/v1/facets?q=model&limit=20");
        JsonNode top = facets.get("tags").get(0);
        String tag = top.get("value").asText();
        long count = top.get("count").asLong();
        mark();
        facetLink("tag", tag).click();
        waitForUrl(u -> u.contains("tag=" + tag));
        JsonNode api = api("/api/v1/papers?q=model&tag=" + tag);
        waitUntil(() -> titles().equals(titles(api)));
        assertThat(summary()).startsWith(totalText("q=model&tag=" + tag)).startsWith(count + " papers");
        WebElement selected = facetLink("tag", tag);
        assertThat(selected.getAttribute("aria-current")).isEqualTo("true");
        assertThat(selected.getAttribute("class")).contains("is-selected");
        assertThat(browser.driver.findElements(By.cssSelector(".selected .chip-remove")).stream()
                        .map(WebElement::getText)
                        .toList())
                .anySatisfy(t -> assertThat(t).contains("Tag: " + tag));
        // the counts of the other facets narrowed to the selection
        JsonNode narrowed = api("/api/v1/facets?q=model&tag=" + tag + "&limit=20");
        JsonNode kind = narrowed.get("linkKinds").isEmpty()
                ? null
                : narrowed.get("linkKinds").get(0);
        if (kind != null) {
            assertThat(facetLink("linkKind", kind.get("value").asText())
                            .findElement(By.cssSelector(".count"))
                            .getText())
                    .startsWith(String.valueOf(kind.get("count").asLong()));
        }
        assertThat(marked()).isTrue();
        browser.screenshot("facet-selected");
        // a second click removes it again
        facetLink("tag", tag).click();
        waitForUrl(u -> !u.contains("tag="));
        assertThat(facetLink("tag", tag).getAttribute("aria-current")).isNull();
        // and the chip of the search text removes the search text alone
        facetLink("tag", tag).click();
        waitForUrl(u -> u.contains("tag=" + tag));
        browser.driver.findElement(By.partialLinkText("Search: model")).click();
        waitForUrl(u -> u.endsWith("/?tag=" + tag));
        waitUntil(() -> titles().equals(titles(api("/api/v1/papers?tag=" + tag))));
    }

    @Test
    void pagingFollowsTheCursorAndBackAndForwardWork() {
        open("/?limit=5");
        JsonNode first = api("/api/v1/papers?limit=5");
        assertThat(titles()).isEqualTo(titles(first));
        mark();
        browser.driver.findElement(By.cssSelector(".pager a[rel=next]")).click();
        waitForUrl(u -> u.contains("cursor="));
        String cursor = query(browser.driver.getCurrentUrl()).get("cursor");
        assertThat(cursor).isEqualTo(first.get("nextCursor").asText());
        JsonNode second = api("/api/v1/papers?limit=5&cursor=" + enc(cursor));
        waitUntil(() -> titles().equals(titles(second)));
        assertThat(titles()).doesNotContainAnyElementsOf(titles(first));
        assertThat(browser.driver.findElements(By.linkText("Previous page"))).hasSize(1);
        assertThat(text(".pager .page-number")).isEqualTo("Page 2");

        browser.driver.navigate().back();
        waitForUrl(u -> u.endsWith("/?limit=5"));
        waitUntil(() -> titles().equals(titles(first)));
        browser.driver.navigate().forward();
        waitForUrl(u -> u.contains("cursor="));
        waitUntil(() -> titles().equals(titles(second)));
        assertThat(marked()).as("back and forward swapped the page in place").isTrue();
        // and the URL alone gives the same page (reload, shared link)
        browser.driver.navigate().refresh();
        waitUntil(() -> titles().equals(titles(second)));
    }

    @Test
    void backAndForwardAcrossSearchAndFacets() {
        open("/");
        browser.driver.findElement(By.id("q")).sendKeys("dataset", Keys.ENTER);
        waitForUrl(u -> u.endsWith("/?q=dataset"));
        JsonNode search = api("/api/v1/papers?q=dataset");
        waitUntil(() -> titles().equals(titles(search)));
        String kind = api("/api/v1/facets?q=dataset")
                .get("linkKinds")
                .get(0)
                .get("value")
                .asText();
        facetLink("linkKind", kind).click();
        waitForUrl(u -> u.contains("linkKind=" + kind));
        JsonNode narrowed = api("/api/v1/papers?q=dataset&linkKind=" + kind);
        waitUntil(() -> titles().equals(titles(narrowed)));

        browser.driver.navigate().back();
        waitForUrl(u -> u.endsWith("/?q=dataset"));
        waitUntil(() -> titles().equals(titles(search)));
        assertThat(browser.driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("dataset");
        browser.driver.navigate().back();
        waitForUrl(u -> u.equals(root.toString()));
        waitUntil(() -> titles().equals(titles(api("/api/v1/papers"))));
        assertThat(browser.driver.findElement(By.id("q")).getAttribute("value")).isEmpty();
        browser.driver.navigate().forward();
        browser.driver.navigate().forward();
        waitForUrl(u -> u.contains("linkKind=" + kind));
        waitUntil(() -> titles().equals(titles(narrowed)));
    }

    @Test
    void thePaperPageShowsThePaperAndItsLinksAsRealLinks() {
        open("/?q=" + enc("input gradients"));
        browser.driver.findElement(By.linkText(EXTRA_TITLE)).click();
        waitForUrl(u -> u.endsWith("/paper/" + EXTRA));
        JsonNode api = api("/api/v1/papers/" + EXTRA);
        assertThat(browser.driver.findElement(By.cssSelector("main h1")).getText())
                .isEqualTo(api.get("title").asText());
        assertThat(text(".abstract")).isEqualTo(api.get("abstract").asText());
        assertThat(text(".paper-full .authors")).isEqualTo("Ada Lovelace, Alan Turing");
        assertThat(browser.driver.findElement(By.cssSelector("a.id-arxiv")).getAttribute("href"))
                .isEqualTo("https://arxiv.org/abs/2409.99001");
        assertThat(browser.driver.findElement(By.cssSelector("a.id-doi")).getAttribute("href"))
                .isEqualTo("https://doi.org/10.5555/ui-test.1");
        for (JsonNode link : api.get("links")) {
            WebElement a = browser.driver.findElement(
                    By.cssSelector(".link-list a[href='" + link.get("url").asText() + "']"));
            WebElement item = a.findElement(By.xpath("./ancestor::li[1]"));
            assertThat(item.getText()).contains(a.getText());
            if (link.has("subject")) {
                assertThat(item.getText()).contains(link.get("subject").asText());
            }
        }
        assertThat(browser.driver.findElements(By.cssSelector(".link-list li")))
                .hasSize(api.get("links").size());
        for (JsonNode tag : api.get("tags")) {
            WebElement li = browser.driver.findElement(By.xpath(
                    "//ul[@class='tag-list']/li[a[text()='" + tag.get("name").asText() + "']]"));
            for (JsonNode term : tag.get("matched")) {
                assertThat(li.getText()).contains(term.asText());
            }
        }
        assertThat(browser.driver.findElements(By.cssSelector(".keyphrases li")).stream()
                        .map(WebElement::getText)
                        .toList())
                .isEqualTo(stream(api.get("keyphrases")).map(JsonNode::asText).toList());
        // the other paper linking the same repository, as /api/v1/code answers
        JsonNode sharing = api("/api/v1/code/" + REPOSITORY);
        List<String> others = stream(sharing.get("items"))
                .map(p -> p.get("title").asText())
                .filter(t -> !t.equals(EXTRA_TITLE))
                .toList();
        assertThat(others).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(".related a")).stream()
                        .map(WebElement::getText)
                        .toList())
                .isEqualTo(others);
        browser.screenshot("paper");
        assertThat(browser.driver.findElement(By.linkText("← Back to search")).getAttribute("href"))
                .isEqualTo(url("/?q=input+gradients"));
        // its categories and authors lead to the searches for them
        assertThat(browser.driver.findElements(By.cssSelector(".categories a")).stream()
                        .map(WebElement::getText)
                        .toList())
                .isEqualTo(stream(api.get("categories")).map(JsonNode::asText).toList())
                .contains("cs.LG");
        browser.driver.findElement(By.linkText("Ada Lovelace")).click();
        waitForUrl(u -> u.endsWith("/?author=Ada+Lovelace"));
        JsonNode byAuthor = api("/api/v1/papers?author=Ada+Lovelace");
        waitUntil(() -> titles().equals(titles(byAuthor)));
        assertThat(titles()).contains(EXTRA_TITLE);
        assertThat(text(".selected")).contains("Author: Ada Lovelace");
        browser.driver.navigate().back();
        waitForUrl(u -> u.endsWith("/paper/" + EXTRA));
        // its own link leads to the other paper's page
        browser.driver.findElement(By.cssSelector(".related a")).click();
        waitForUrl(u -> u.endsWith("/paper/" + SAMPLE_WITH_CODE));
        assertThat(browser.driver.findElement(By.cssSelector("main h1")).getText())
                .isEqualTo(others.get(0));
        browser.driver.navigate().back();
        waitForUrl(u -> u.endsWith("/paper/" + EXTRA));
    }

    @Test
    void thePaperPageTakesAnyIdFormTheApiTakes() {
        for (String form : List.of(
                "2409.99001", "arXiv:2409.99001v2", "https://arxiv.org/abs/2409.99001", "doi:10.5555/UI-TEST.1")) {
            assertThat(status("/api/v1/papers/" + form)).as(form).isEqualTo(200);
            open("/paper/" + form);
            assertThat(text("main h1")).as(form).isEqualTo(EXTRA_TITLE);
            assertThat(browser.driver.findElement(By.cssSelector(".ids code")).getText())
                    .isEqualTo(EXTRA);
        }
        assertThat(status("/paper/not-an-id")).isEqualTo(400);
        open("/paper/not-an-id");
        assertThat(text("main h1")).isEqualTo("This is not a paper id");
        assertThat(browser.driver.findElement(By.linkText("Search all papers")).getAttribute("href"))
                .isEqualTo(root.toString());
    }

    @Test
    void aPaperStoredWhileThePageIsOpenAppearsAtTheTopMarkedNew() {
        // with every kind of parameter the page has: the stream gets only the filters
        open("/?q=gradients&sort=newest&limit=15");
        mark();
        waitUntil(() ->
                browser.driver.findElement(By.id("main")).getAttribute("class").contains("is-live"));
        List<String> before = titles();
        String totalBefore = text("#summary .total");
        String id = "arxiv:2409.99002";
        String title = "Gradients of a zebrafish arriving live";
        try (Feed feed = new Feed()) {
            // one that does not match the page's search, then one that does
            feed.sendRaw(
                    "arxiv:2409.99003",
                    paper(sample.get(0), "arxiv:2409.99003", "A quokka that does not match")
                            .toString());
            feed.sendRaw(id, paper(sample.get(0), id, title).toString());
        }
        waitUntil(() -> !titles().isEmpty() && titles().get(0).equals(title));
        WebElement first = browser.driver.findElement(By.cssSelector(".results .paper"));
        assertThat(first.getAttribute("class")).contains("is-new");
        assertThat(first.findElement(By.cssSelector(".badge-new")).getText()).isEqualToIgnoringCase("new");
        assertThat(titles().subList(1, titles().size())).isEqualTo(before);
        assertThat(titles()).doesNotContain("A quokka that does not match");
        assertThat(text("#live-status")).isEqualTo("1 new paper added at the top");
        // an exact total counts the newcomer
        assertThat(text("#summary .total"))
                .isEqualTo((Long.parseLong(totalBefore.split(" ")[0]) + 1) + " papers");
        assertThat(marked()).as("no reload").isTrue();
        browser.screenshot("live");
        // the API agrees that it matches
        assertThat(titles(api("/api/v1/papers?q=gradients"))).contains(title);
    }

    @Test
    void emptyResultsAndErrorsSaySoWithAWayBack() {
        open("/?q=" + enc("zzyzx quixotic"));
        assertThat(text("#empty h2")).isEqualTo("No papers found");
        assertThat(browser.driver.findElement(By.linkText("Show all papers")).getAttribute("href"))
                .isEqualTo(root.toString());
        assertThat(summary()).startsWith("0 papers");

        assertThat(status("/?limit=0")).isEqualTo(400);
        open("/?limit=0");
        assertThat(text("main h1")).isEqualTo("This search cannot be run");
        assertThat(text(".error-message")).contains("limit");
        browser.driver.findElement(By.linkText("Start a new search")).click();
        waitForUrl(u -> u.equals(root.toString()));
        waitUntil(() -> !titles().isEmpty());

        assertThat(status("/paper/arxiv:2409.99999")).isEqualTo(404);
        open("/paper/arxiv:2409.99999");
        assertThat(text("main h1")).isEqualTo("Not found");
        assertThat(text(".error-message")).contains("arxiv:2409.99999");
        assertThat(browser.driver.findElement(By.linkText("Search all papers")).getAttribute("href"))
                .isEqualTo(root.toString());
        browser.screenshot("not-found");
    }

    @Test
    void noSeriousAccessibilityViolationsInLightAndDark() {
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            for (String page : List.of(
                    "/",
                    "/?q=" + enc("language model") + "&linkKind=code",
                    "/?q=zzyzx",
                    "/paper/" + EXTRA,
                    "/?limit=0")) {
                open(page);
                List<Map<String, Object>> serious = browser.axeViolations().stream()
                        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                        .toList();
                assertThat(serious)
                        .as("axe-core violations on %s (%s)", page, scheme)
                        .isEmpty();
            }
        }
        browser.colorScheme("dark");
        open("/?q=" + enc("language model"));
        String background =
                (String) browser.driver.executeScript("return getComputedStyle(document.body).backgroundColor");
        assertThat(background).isEqualTo("rgb(18, 20, 24)");
        browser.screenshot("search-dark");
    }

    @Test
    void keyboardOnlyWithVisibleFocus() {
        open("/");
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = browser.driver.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getCssValue("outline-style")).isNotEqualTo("none");
        keys.sendKeys(Keys.TAB).perform();
        keys.sendKeys(Keys.TAB).perform();
        WebElement box = browser.driver.switchTo().activeElement();
        assertThat(box.getAttribute("id")).isEqualTo("q");
        // the label names the box
        assertThat(browser.driver.findElement(By.cssSelector("label[for=q]")).getText())
                .isEqualTo("Search papers");
        keys.sendKeys("model").sendKeys(Keys.ENTER).perform();
        waitForUrl(u -> u.endsWith("/?q=model"));
        waitUntil(() -> titles().equals(titles(api("/api/v1/papers?q=model"))));
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getTagName()).isEqualTo("input");
        assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
        // landmarks
        assertThat(browser.driver.findElements(
                        By.cssSelector("header.top, main#main, aside#filters, footer, form[role=search]")))
                .hasSize(5);
    }

    @Test
    void aPhoneSizedWindowHasNoSidewaysScrollingAndTheFiltersFollowTheResults() {
        browser.size(390, 844);
        open("/?q=" + enc("language model"));
        Long scrollWidth = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
        Long innerWidth = (Long) browser.driver.executeScript("return window.innerWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(innerWidth);
        WebElement results = browser.driver.findElement(By.id("results"));
        WebElement filters = browser.driver.findElement(By.id("filters"));
        assertThat(filters.getLocation().getY())
                .isGreaterThan(results.getLocation().getY());
        assertThat(browser.driver.findElement(By.linkText("Jump to filters")).isDisplayed())
                .isTrue();
        browser.screenshot("phone");
        open("/paper/" + EXTRA);
        scrollWidth = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(innerWidth);
        browser.screenshot("phone-paper");
    }

    @Test
    void noLayoutShiftAndSmallCachedAssets() throws Exception {
        open("/?q=" + enc("language model"));
        Object shift = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let total = 0;
                new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) total += e.value; }))
                  .observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => done(total), 500);
                """);
        assertThat(((Number) shift).doubleValue()).as("cumulative layout shift").isLessThan(0.02);
        List<String> assets = browser.driver.findElements(By.cssSelector("link[rel=stylesheet], script[src]")).stream()
                .map(e -> e.getAttribute(e.getTagName().equals("script") ? "src" : "href"))
                .toList();
        assertThat(assets).hasSize(2);
        long total = 0;
        for (String asset : assets) {
            HttpResponse<byte[]> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(asset))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
            assertThat(r.headers().firstValue("content-encoding")).hasValue("gzip");
            total += r.body().length;
        }
        assertThat(total).as("compressed bytes of the page's own assets").isLessThan(12_000);
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
    }

    @Test
    void whatAPersonSeesEqualsWhatTheApiAnswers() {
        String tag = api("/api/v1/facets").get("tags").get(0).get("value").asText();
        for (String params :
                List.of("", "q=" + enc("language model"), "tag=" + enc(tag), "q=model&sort=oldest&limit=7")) {
            open(params.isEmpty() ? "/" : "/?" + params);
            String and = params.isEmpty() ? "" : "&";
            JsonNode list = api("/api/v1/papers?" + params);
            JsonNode facets = api("/api/v1/facets?" + params.replaceAll("&?(sort|limit)=[^&]*", "") + and + "limit=20");
            // the results: in the API's order, each linking its paper page and its links
            assertThat(titles()).as(params).isEqualTo(titles(list));
            List<WebElement> entries = browser.driver.findElements(By.cssSelector("#results .paper"));
            for (int i = 0; i < entries.size(); i++) {
                JsonNode item = list.get("items").get(i);
                WebElement entry = entries.get(i);
                assertThat(entry.findElement(By.cssSelector(".paper-title a")).getAttribute("href"))
                        .isEqualTo(url("/paper/" + item.get("id").asText()));
                // as written in the page (the browser's resolved form would lower-case the host)
                assertThat(entry.findElements(By.cssSelector(".links a")).stream()
                                .map(a -> a.getDomAttribute("href"))
                                .sorted()
                                .toList())
                        .isEqualTo(stream(item.get("links"))
                                .map(l -> l.get("url").asText())
                                .filter(u -> u.startsWith("http"))
                                .sorted()
                                .toList());
                assertThat(entry.findElements(By.cssSelector(".tags li")).stream()
                                .map(WebElement::getText)
                                .toList())
                        .isEqualTo(stream(item.get("tags"))
                                .map(t -> t.get("name").asText())
                                .toList());
            }
            // the total, and every facet with the API's values, counts and order
            assertThat(summary()).as(params).startsWith(totalText(params));
            for (String[] group : new String[][] {
                {"tag", "tags"},
                {"linkKind", "linkKinds"},
                {"host", "hosts"},
                {"category", "categories"},
                {"year", "years"}
            }) {
                List<String> expected = stream(facets.get(group[1]))
                        .map(c -> c.get("value").asText() + "=" + c.get("count").asLong())
                        .toList();
                assertThat(facetValues(group[0])).as("%s: %s", params, group[0]).isEqualTo(expected);
            }
            // the next page is the API's
            List<WebElement> next = browser.driver.findElements(By.cssSelector(".pager a[rel=next]"));
            if (list.hasNonNull("nextCursor")) {
                assertThat(query(next.get(0).getAttribute("href")).get("cursor"))
                        .isEqualTo(list.get("nextCursor").asText());
            } else {
                assertThat(next).isEmpty();
            }
        }
    }

    @Test
    void aCategoryFacetClickNarrowsTheResultsAndShowsTheSelection() {
        open("/");
        JsonNode facets = api("/api/v1/facets?limit=20");
        // other test classes may share the database: compare with the API, whatever else it holds
        assertThat(facetValues("category"))
                .isEqualTo(stream(facets.get("categories"))
                        .map(c -> c.get("value").asText() + "=" + c.get("count").asLong())
                        .toList())
                .anySatisfy(v -> assertThat(v).startsWith("cs.CL="));
        mark();
        unfold(facetLink("category", "cs.CL")).click();
        waitForUrl(u -> u.endsWith("/?category=cs.CL"));
        JsonNode api = api("/api/v1/papers?category=cs.CL");
        waitUntil(() -> titles().equals(titles(api)));
        // this test's cs.CL papers are among the category's papers (the shared database may hold more of them)
        assertThat(titles(api("/api/v1/papers?category=cs.CL&q=catalogue+entry&limit=200")))
                .contains("A catalogue entry from the year before", "An older catalogue entry");
        assertThat(summary()).startsWith(totalText("category=cs.CL"));
        WebElement selected = facetLink("category", "cs.CL");
        assertThat(selected.getAttribute("aria-current")).isEqualTo("true");
        assertThat(text(".selected")).contains("Category: cs.CL");
        // the other facets narrowed: the years of these papers
        assertThat(facetValues("year"))
                .isEqualTo(stream(api("/api/v1/facets?category=cs.CL&limit=20").get("years"))
                        .map(c -> c.get("value").asText() + "=" + c.get("count").asLong())
                        .toList())
                .anySatisfy(y -> assertThat(y).startsWith("2023="))
                .anySatisfy(y -> assertThat(y).startsWith("2022="));
        assertThat(marked()).isTrue();
        facetLink("category", "cs.CL").click();
        waitForUrl(u -> u.equals(root.toString()));
        assertThat(facetLink("category", "cs.CL").getAttribute("aria-current")).isNull();
    }

    @Test
    void aYearFacetClickSelectsThatYearWithTheApisDateFilter() {
        open("/");
        JsonNode facets = api("/api/v1/facets?limit=20");
        List<String> years = stream(facets.get("years"))
                .map(c -> c.get("value").asText() + "=" + c.get("count").asLong())
                .toList();
        assertThat(facetValues("year")).isEqualTo(years);
        // newest first
        assertThat(years)
                .isSortedAccordingTo(java.util.Comparator.<String, String>comparing(y -> y.split("=")[0])
                        .reversed());
        assertThat(years)
                .anySatisfy(y -> assertThat(y).startsWith("2023="))
                .anySatisfy(y -> assertThat(y).startsWith("2022="));
        mark();
        unfold(facetLink("year", "2023")).click();
        waitForUrl(u -> u.endsWith("/?from=2023-01-01&to=2023-12-31"));
        JsonNode api = api("/api/v1/papers?from=2023-01-01&to=2023-12-31");
        waitUntil(() -> titles().equals(titles(api)));
        // this test's 2023 paper is among the year's papers (the first page may be full of other classes' papers:
        // the database is shared)
        assertThat(titles(api("/api/v1/papers?from=2023-01-01&to=2023-12-31&q=catalogue+entry&limit=200")))
                .contains("A catalogue entry from the year before");
        assertThat(summary()).startsWith(totalText("from=2023-01-01&to=2023-12-31"));
        assertThat(facetLink("year", "2023").getAttribute("aria-current")).isEqualTo("true");
        assertThat(browser.driver.findElements(By.cssSelector(".selected .chip-remove")).stream()
                        .map(WebElement::getText)
                        .toList())
                .anySatisfy(t -> assertThat(t).contains("Year: 2023"));
        assertThat(marked()).isTrue();
        browser.screenshot("year-selected");
        browser.driver.findElement(By.partialLinkText("Year: 2023")).click();
        waitForUrl(u -> u.equals(root.toString()));
        waitUntil(() -> titles().equals(titles(api("/api/v1/papers"))));
    }

    @Test
    void resultsShowTheApisSnippetWithTheMatchingWordsMarked() {
        open("/?q=" + enc("language model"));
        JsonNode api = api("/api/v1/papers?q=" + enc("language model"));
        List<WebElement> entries = browser.driver.findElements(By.cssSelector("#results .paper"));
        assertThat(entries).hasSize(api.get("items").size());
        int marks = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode snippet = api.get("items").get(i).get("snippet");
            WebElement shown = entries.get(i).findElement(By.cssSelector(".snippet"));
            String text = snippet.get("text").asText();
            assertThat(shown.getText()).isEqualTo(text);
            assertThat(text.length()).isLessThanOrEqualTo(250);
            List<String> expected = stream(snippet.get("matches"))
                    .map(m -> text.substring(m.get(0).asInt(), m.get(1).asInt()))
                    .toList();
            assertThat(shown.findElements(By.tagName("mark")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .isEqualTo(expected);
            assertThat(expected)
                    .allSatisfy(w -> assertThat(w.toLowerCase(Locale.ROOT)).containsAnyOf("languag", "model"));
            marks += expected.size();
        }
        assertThat(marks).isPositive();
        browser.colorScheme("dark");
        open("/?q=" + enc("language model"));
        String mark = (String) browser.driver.executeScript(
                "return getComputedStyle(document.querySelector('.snippet mark')).backgroundColor");
        assertThat(mark).isEqualTo("rgb(90, 72, 0)");
    }

    @Test
    void previousPageWalksBackThroughTheCursorsKeptInTheUrl() {
        open("/?limit=5");
        JsonNode first = api("/api/v1/papers?limit=5");
        JsonNode second = api(
                "/api/v1/papers?limit=5&cursor=" + enc(first.get("nextCursor").asText()));
        JsonNode third = api(
                "/api/v1/papers?limit=5&cursor=" + enc(second.get("nextCursor").asText()));
        assertThat(browser.driver.findElements(By.linkText("Previous page"))).isEmpty();
        mark();
        browser.driver.findElement(By.linkText("Next page")).click();
        waitForUrl(u -> u.contains("cursor="));
        String secondUrl = browser.driver.getCurrentUrl();
        browser.driver.findElement(By.linkText("Next page")).click();
        waitForUrl(u -> u.contains("prev="));
        waitUntil(() -> titles().equals(titles(third)));
        assertThat(text(".pager .page-number")).isEqualTo("Page 3");
        assertThat(browser.driver.findElements(By.linkText("First page"))).hasSize(1);
        browser.screenshot("page-3");

        browser.driver.findElement(By.linkText("Previous page")).click();
        waitForUrl(u -> u.equals(secondUrl));
        waitUntil(() -> titles().equals(titles(second)));
        browser.driver.findElement(By.linkText("Previous page")).click();
        waitForUrl(u -> u.endsWith("/?limit=5"));
        waitUntil(() -> titles().equals(titles(first)));
        assertThat(browser.driver.findElements(By.linkText("Previous page"))).isEmpty();
        // back and forward retrace the walk, and the URL alone gives the page
        browser.driver.navigate().back();
        waitForUrl(u -> u.equals(secondUrl));
        waitUntil(() -> titles().equals(titles(second)));
        browser.driver.navigate().back();
        waitForUrl(u -> u.contains("prev="));
        waitUntil(() -> titles().equals(titles(third)));
        assertThat(marked()).isTrue();
        browser.driver.navigate().refresh();
        waitUntil(() -> titles().equals(titles(third)));
        browser.driver.findElement(By.linkText("Previous page")).click();
        waitForUrl(u -> u.equals(secondUrl));
        waitUntil(() -> titles().equals(titles(second)));
    }

    // --- helpers ---

    private void open(String path) {
        browser.driver.get(url(path));
        waitUntil(() -> "complete".equals(browser.driver.executeScript("return document.readyState")));
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private List<String> titles() {
        return browser.driver.findElements(By.cssSelector("#results .paper-title a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> titles(JsonNode page) {
        return stream(page.get("items")).map(p -> p.get("title").asText()).toList();
    }

    private String summary() {
        return text("#summary");
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private WebElement facetLink(String facet, String value) {
        return browser.driver.findElement(
                By.cssSelector("section[aria-labelledby='f-" + facet + "'] a[data-facet-value='" + value + "']"));
    }

    /** The facet value link, its "More" list opened first when it is folded away. */
    private WebElement unfold(WebElement link) {
        if (!link.isDisplayed()) {
            link.findElement(By.xpath("./ancestor::details[1]/summary")).click();
        }
        return link;
    }

    /** A facet as the page shows it, folded values too: value=count, in the page's order. */
    @SuppressWarnings("unchecked")
    private List<String> facetValues(String facet) {
        return (List<String>) browser.driver.executeScript("""
                return Array.from(document.querySelectorAll("section[aria-labelledby='f-" + arguments[0]
                    + "'] a[data-facet-value]")).map(a => a.getAttribute('data-facet-value') + '='
                    + a.querySelector('.count').firstChild.textContent.replace(/,/g, ''));
                """, facet);
    }

    /**
     * The total the page should show for these parameters: the list's when exact, else the facets' when exact (they
     * count more before estimating), else the list's estimate as "About N".
     */
    private String totalText(String params) {
        JsonNode list = api("/api/v1/papers?" + params);
        JsonNode facets = api("/api/v1/facets?"
                + params.replaceAll("&?(sort|limit|cursor)=[^&]*", "").replaceAll("^&", ""));
        boolean listExact = !list.has("totalExact") || list.get("totalExact").asBoolean();
        boolean facetsExact = facets.get("totalExact").asBoolean()
                && facets.get("countsExact").asBoolean();
        long total = listExact || !facetsExact
                ? list.get("total").asLong()
                : facets.get("total").asLong();
        String n = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(total);
        return (listExact || facetsExact ? n : "About " + n) + (total == 1 ? " paper" : " papers");
    }

    /** Marks the current document: the mark survives in-place updates and is lost by a reload. */
    private void mark() {
        browser.driver.executeScript("window.__notReloaded = true");
    }

    private boolean marked() {
        return Boolean.TRUE.equals(browser.driver.executeScript("return window.__notReloaded === true"));
    }

    private void waitForUrl(java.util.function.Predicate<String> test) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> test.test(d.getCurrentUrl()));
        waitUntil(() -> Boolean.FALSE.equals(
                browser.driver.executeScript("return document.documentElement.classList.contains('loading')")));
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(condition);
    }

    private JsonNode api(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
        try {
            return PaperJson.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int status(String pathAndQuery) {
        return get(pathAndQuery).statusCode();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url(pathAndQuery))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String url) {
        String q = URI.create(url).getRawQuery();
        return java.util.Arrays.stream(q.split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(
                        p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> a));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        if (array != null) {
            array.forEach(list::add);
        }
        return list.stream();
    }

    private static List<JsonNode> readSample() {
        try (InputStream in = SearchPageBrowserIT.class.getResourceAsStream("/ui/sample-enriched.ndjson")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<JsonNode> papers = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    papers.add(PaperJson.mapper().readTree(line));
                }
            }
            return papers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a sample record under another id and title (JSON, so it follows the contract as it grows). */
    private static ObjectNode paper(JsonNode template, String id, String title) {
        ObjectNode p = template.deepCopy();
        long revision = System.currentTimeMillis() * 1000;
        p.put("id", id).put("revision", revision);
        ObjectNode raw = (ObjectNode) p.get("paper");
        raw.put("id", id).put("revision", revision).put("title", title);
        return p;
    }

    /** A copy of a sample record with a publication date and arXiv categories. */
    private static JsonNode dated(
            JsonNode template, String id, String title, String publishedOn, String... categories) {
        ObjectNode p = paper(template, id, title);
        ObjectNode raw = (ObjectNode) p.get("paper");
        raw.put("publishedOn", publishedOn);
        ArrayNode cats = raw.putArray("categories");
        for (String c : categories) {
            cats.add(c);
        }
        return p;
    }

    /** The extra paper: arXiv id, DOI, authors, and links of several kinds, one of them the sample paper's repository. */
    private static JsonNode extraPaper(List<JsonNode> papers) {
        JsonNode withCode = papers.stream()
                .filter(p -> p.get("id").asText().equals(SAMPLE_WITH_CODE))
                .findFirst()
                .orElseThrow();
        ObjectNode p = paper(withCode, EXTRA, EXTRA_TITLE);
        ObjectNode raw = (ObjectNode) p.get("paper");
        raw.put("arxivId", "2409.99001").put("doi", "10.5555/ui-test.1");
        raw.putArray("authors").add("Ada Lovelace").add("Alan Turing");
        raw.putArray("categories").add("cs.LG").add("cs.CV");
        // as the resolver records them: the paper's other ids
        raw.putArray("aliases").add("doi:10.5555/ui-test.1");
        ArrayNode links = (ArrayNode) p.get("links");
        links.addObject()
                .put("url", "https://huggingface.co/ui-test/gradient-model")
                .put("kind", "model")
                .put("host", "huggingface.co")
                .put("subject", "ui-test/gradient-model")
                .put("origin", "text");
        links.addObject()
                .put("url", "https://huggingface.co/datasets/ui-test/gradients")
                .put("kind", "dataset")
                .put("host", "huggingface.co")
                .put("subject", "ui-test/gradients")
                .put("origin", "text");
        return p;
    }
}
