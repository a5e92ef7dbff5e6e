package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bulk-load Job (deploy/k8s/jobs/snapshot-load): the loader image runs SnapshotLoader.java against ingest-service
 * with the token from its Secret, keeps its progress on the data volume (so a retried pod resumes), runs non-root on
 * a read-only root file system with limits, and fails at once on rejected records or a refused token.
 */
class SnapshotLoadJobTest {
    private static final Path DIR = Project.k8s().resolve("jobs/snapshot-load");

    @Test
    void theJobResumesFromTheVolumeAndRunsLockedDown() {
        List<ObjectNode> docs = Kustomize.render(DIR);
        JsonNode job = docs.stream()
                .filter(d -> Yaml.kind(d).equals("Job"))
                .findFirst()
                .orElseThrow();
        assertThat(docs).extracting(Yaml::kind).contains("PersistentVolumeClaim");
        JsonNode pod = job.path("spec").path("template").path("spec");
        JsonNode loader = pod.path("containers").get(0);
        assertThat(loader.path("image").asText()).startsWith("paperstream/snapshot-loader:");
        List<String> args = new ArrayList<>();
        Yaml.each(loader.path("args")).forEach(a -> args.add(a.asText()));
        assertThat(args).containsSequence("--url", "http://ingest-service:8081");
        String stateDir = args.get(args.indexOf("--state-dir") + 1);
        String mount = loader.path("volumeMounts").get(0).path("mountPath").asText();
        assertThat(stateDir).as("progress on the data volume").startsWith(mount + "/");
        assertThat(args.get(args.size() - 1)).startsWith(mount + "/");
        JsonNode token = loader.path("env").get(0);
        assertThat(token.path("name").asText()).isEqualTo("PAPERSTREAM_INGEST_TOKEN");
        assertThat(token.path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo("paperstream-ingest-tokens");
        assertThat(loader.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
                .isTrue();
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(loader.path("resources").path("limits").path("memory").asText())
                .isNotEmpty();
        assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
        assertThat(job.path("spec").path("podFailurePolicy").toString())
                .contains("FailJob")
                .contains("2")
                .contains("3");
    }

    @Test
    void theLoaderImageRunsTheLoaderProgramAsNonRoot() {
        String dockerfile = Project.read(Project.deploy().resolve("local/Dockerfile.loader"));
        assertThat(dockerfile)
                .contains("COPY --chown=185:185 SnapshotLoader.java")
                .contains("USER 185")
                .contains("ENTRYPOINT [\"java\", \"/opt/paperstream/SnapshotLoader.java\"]");
    }
}
