package io.paperstream.testsupport;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The tests' span exporter, a bean of every service's {@code @QuarkusTest} app (this jar has a beans.xml): every span
 * the service ends, in memory, to check which trace it belongs to. Inject {@code InMemorySpanExporter}.
 */
@ApplicationScoped
public class InMemorySpans {
    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
