import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few HTTP calls run.sh makes, with only a JDK (no curl needed): run as a single-file source program.
 * <pre>
 *   java PaperstreamHttp.java wait-ready URL TIMEOUT_SECONDS        exit 0 once URL answers 200
 *   java PaperstreamHttp.java post URL CONTENT_TYPE FILE TOKEN      prints the answer; exit 0 on 2xx
 *   java PaperstreamHttp.java wait-total URL N TIMEOUT_SECONDS      exit 0 once the JSON "total" of URL is at least N
 * </pre>
 */
public class PaperstreamHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "wait-ready" -> System.exit(waitFor(args[1], Integer.parseInt(args[2]), body -> true) ? 0 : 1);
            case "wait-total" -> {
                // at least N: the local run keeps its data, so earlier papers may be there too
                Pattern total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
                long wanted = Long.parseLong(args[2]);
                System.exit(waitFor(args[1], Integer.parseInt(args[3]), body -> {
                    Matcher m = total.matcher(body);
                    return m.find() && Long.parseLong(m.group(1)) >= wanted;
                }) ? 0 : 1);
            }
            case "wait-total-min" -> {
                Pattern total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
                int min = Integer.parseInt(args[2]);
                System.exit(waitFor(args[1], Integer.parseInt(args[3]), body -> {
                    Matcher m = total.matcher(body);
                    return m.find() && Long.parseLong(m.group(1)) >= min;
                }) ? 0 : 1);
            }
            case "post" -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(args[1])).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", args[2]).header("Authorization", "Bearer " + args[4])
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[3]))).build();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher accepted = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)").matcher(response.body());
                System.out.println("HTTP " + response.statusCode() + (accepted.find() ? ", accepted " + accepted.group(1) : ""));
                if (response.statusCode() / 100 != 2) {
                    System.out.println(response.body());
                    System.exit(1);
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static boolean waitFor(String url, int timeoutSeconds, java.util.function.Predicate<String> accept)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && accept.test(response.body())) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(300);
        }
        return false;
    }
}
