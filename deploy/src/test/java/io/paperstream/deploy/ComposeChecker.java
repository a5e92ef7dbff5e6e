package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks deploy/compose/compose.yaml against the services: the official Kafka (KRaft) and PostgreSQL images, every
 * service's variables are properties it reads, its published port and health check use its HTTP port, it is built
 * from its Dockerfile, it reaches Kafka/PostgreSQL by compose service names, the topic-creation container creates
 * exactly the services' topics with the policies of docs/architecture.md, and the sample loader posts the sample file
 * to ingest-service's port.
 */
final class ComposeChecker {
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:17";
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[^}:]+:-([^}]*)}");

    private final ServiceConfigs services;
    private final Path composeDir;

    ComposeChecker(ServiceConfigs services, Path composeDir) {
        this.services = services;
        this.composeDir = composeDir;
    }

    List<String> check(String composeYaml) {
        List<String> problems = new ArrayList<>();
        ObjectNode compose = Yaml.parseAll(composeYaml).get(0);
        JsonNode all = compose.path("services");
        images(all, problems);
        for (String service : Project.SERVICES) {
            JsonNode s = all.path(service);
            if (s.isMissingNode()) {
                problems.add("compose: no service " + service);
                continue;
            }
            Map<String, String> env = environment(s);
            build(service, s, problems);
            connections(service, env, all, problems);
            services.get(service).ifPresent(config -> configured(service, s, env, config, problems));
        }
        topics(all, problems);
        loader(all, problems);
        return problems;
    }

    private void images(JsonNode all, List<String> problems) {
        if (!KAFKA_IMAGE.equals(all.path("kafka").path("image").asText())) {
            problems.add("compose: service kafka must use " + KAFKA_IMAGE);
        }
        if (!environment(all.path("kafka"))
                .getOrDefault("KAFKA_PROCESS_ROLES", "")
                .contains("controller")) {
            problems.add("compose: kafka is not in KRaft mode (KAFKA_PROCESS_ROLES broker,controller)");
        }
        if (!POSTGRES_IMAGE.equals(all.path("postgres").path("image").asText())) {
            problems.add("compose: service postgres must use " + POSTGRES_IMAGE);
        }
    }

    private void build(String service, JsonNode s, List<String> problems) {
        Path context =
                composeDir.resolve(s.path("build").path("context").asText("?")).normalize();
        if (!context.equals(Project.root().resolve(service).normalize())) {
            problems.add(
                    "compose: " + service + " is not built from its module directory (build.context " + context + ")");
        }
        Path dockerfile = context.resolve(s.path("build").path("dockerfile").asText("Dockerfile"));
        if (!Files.isRegularFile(dockerfile)) {
            problems.add("compose: " + service + " Dockerfile " + dockerfile + " does not exist");
        }
    }

    private void configured(
            String service, JsonNode s, Map<String, String> env, ServiceConfig config, List<String> problems) {
        env.keySet().stream()
                .filter(name -> !config.readsEnv(name))
                .forEach(name -> problems.add(
                        "compose: " + service + " sets " + name + ", which is not a configuration property it reads"));
        int port = config.httpPort(env);
        int management = config.managementPort(env);
        boolean published = false;
        for (JsonNode mapping : Yaml.each(s.path("ports"))) {
            String text = mapping.asText();
            String container = text.substring(text.lastIndexOf(':') + 1).replace("/tcp", "");
            published |= container.equals(String.valueOf(port));
            if (!container.equals(String.valueOf(port)) && !container.equals(String.valueOf(management))) {
                problems.add("compose: " + service + " publishes container port " + container + ", the service "
                        + "listens on " + port + " (management " + management + ")");
            }
        }
        if (!published) {
            problems.add("compose: " + service + " does not publish its HTTP port " + port);
        }
        String health = s.path("healthcheck").path("test").toString();
        if (!health.contains("/" + management + " ") && !health.contains(":" + management + "/")) {
            problems.add("compose: " + service + " health check does not use its management port " + management);
        }
    }

    private void connections(String service, Map<String, String> env, JsonNode all, List<String> problems) {
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        String host = bootstrap.contains(":") ? bootstrap.substring(0, bootstrap.indexOf(':')) : bootstrap;
        if (!all.has(host)) {
            problems.add("compose: " + service + " KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + " is not a compose service");
        } else if (!environment(all.path(host))
                .getOrDefault("KAFKA_ADVERTISED_LISTENERS", "")
                .contains(bootstrap)) {
            problems.add("compose: " + service + " KAFKA_BOOTSTRAP_SERVERS=" + bootstrap
                    + " is not an advertised listener of " + host);
        }
        if (env.containsKey("POSTGRES_JDBC_URL")) {
            Map<String, String> pg = environment(all.path("postgres"));
            String expected = "postgres:5432/" + pg.get("POSTGRES_DB");
            if (!env.get("POSTGRES_JDBC_URL").equals("jdbc:postgresql://" + expected)
                    || !env.getOrDefault("POSTGRES_REACTIVE_URL", "").equals("postgresql://" + expected)) {
                problems.add(
                        "compose: " + service + " database URLs do not name postgres:5432/" + pg.get("POSTGRES_DB"));
            }
            if (!pg.get("POSTGRES_USER").equals(env.get("POSTGRES_USER"))
                    || !pg.get("POSTGRES_PASSWORD").equals(env.get("POSTGRES_PASSWORD"))) {
                problems.add("compose: " + service + " database user/password differ from the postgres service's");
            }
        }
    }

    private void topics(JsonNode all, List<String> problems) {
        Map<String, Map<String, String>> created = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> s : iterable(all)) {
            String command =
                    s.getValue().path("command").toString() + s.getValue().path("entrypoint");
            for (String line : command.split("\\\\n|\\n")) {
                if (line.contains("kafka-topics.sh") && line.contains("--create")) {
                    Matcher topic = Pattern.compile("--topic\\s+(\\S+)").matcher(line);
                    Map<String, String> config = new LinkedHashMap<>();
                    Matcher c = Pattern.compile("--config\\s+([^=\\s]+)=(\\S+)").matcher(line);
                    while (c.find()) {
                        config.put(c.group(1), c.group(2).replaceAll("[\"',\\]]+$", ""));
                    }
                    if (topic.find()) {
                        created.put(topic.group(1), config);
                    }
                }
            }
        }
        Set<String> expected = KafkaRules.expectedTopics(services);
        for (String topic : expected) {
            if (!created.containsKey(topic)) {
                problems.add("compose: topic " + topic + " is not created (kafka-topics.sh --create --topic)");
            }
        }
        created.forEach((topic, config) -> {
            if (!expected.contains(topic)) {
                problems.add("compose: creates topic " + topic + ", which the services do not use " + expected);
            }
            TopicPolicies.check("compose", topic, config).forEach(problems::add);
        });
    }

    private void loader(JsonNode all, List<String> problems) {
        Optional<Integer> ingestPort =
                services.get("ingest-service").map(c -> c.httpPort(environment(all.path("ingest-service"))));
        boolean posts = false;
        for (Map.Entry<String, JsonNode> s : iterable(all)) {
            String command = s.getValue().path("command").toString();
            if (!command.contains("http://ingest-service:")) {
                continue;
            }
            posts = true;
            ingestPort
                    .filter(p -> !command.contains("http://ingest-service:" + p + "/"))
                    .ifPresent(p -> problems.add(
                            "compose: " + s.getKey() + " posts to ingest-service on another port than " + p));
            boolean sampleMounted = false;
            for (JsonNode volume : Yaml.each(s.getValue().path("volumes"))) {
                String source = volume.asText().split(":")[0];
                sampleMounted |=
                        source.endsWith("daily-papers-sample.txt") && Files.isRegularFile(composeDir.resolve(source));
            }
            if (!sampleMounted) {
                problems.add("compose: " + s.getKey() + " does not mount an existing sample digest file");
            }
            String token = defaulted(
                    environment(all.path("ingest-service")).getOrDefault("PAPERSTREAM_INGEST_AUTH_TOKENS", ""));
            if (!defaulted(command).contains("Bearer " + token)) {
                problems.add("compose: " + s.getKey() + " does not send the ingest token ingest-service accepts");
            }
        }
        if (!posts) {
            problems.add("compose: nothing posts the sample digest to ingest-service");
        }
    }

    /** A service's environment (map or list form), values as written. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            env.putAll(Yaml.strings(e));
        } else {
            for (JsonNode item : Yaml.each(e)) {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    /** ${VAR:-default} replaced by its default, as Compose does when VAR is unset. */
    private static String defaulted(String text) {
        return DEFAULTED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
