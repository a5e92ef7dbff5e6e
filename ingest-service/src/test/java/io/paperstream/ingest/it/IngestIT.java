package io.paperstream.ingest.it;

import io.paperstream.localstack.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Every @QuarkusTest of ingest-service: the same test resources (the real in-JVM Kafka broker), so one app start. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTest
@WithTestResource(KafkaResource.class)
public @interface IngestIT {}
