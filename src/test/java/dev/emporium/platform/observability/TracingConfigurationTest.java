package dev.emporium.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracingConfigurationTest {

    private static long recorded(Sampler sampler, int traces) {
        IdGenerator ids = IdGenerator.random();
        long recorded = 0;
        for (int i = 0; i < traces; i++) {
            SamplingDecision decision = sampler.shouldSample(Context.root(), ids.generateTraceId(), "GET /api/data",
                    SpanKind.SERVER, Attributes.empty(), List.of()).getDecision();
            if (decision == SamplingDecision.RECORD_AND_SAMPLE) {
                recorded++;
            }
        }
        return recorded;
    }

    @Test
    void withoutAnExporterNoSpanIsRecordedWhateverTheShare() {
        assertThat(recorded(TracingConfiguration.sampler(false, 1.0), 1_000)).isZero();
    }

    @Test
    void withAnExporterTheConfiguredShareOfNewTracesIsRecorded() {
        assertThat(recorded(TracingConfiguration.sampler(true, 1.0), 1_000)).isEqualTo(1_000);
        assertThat(recorded(TracingConfiguration.sampler(true, 0.0), 1_000)).isZero();
        // Trace ids are random: a share of 0.5 records about half of 10,000 (five standard deviations either side).
        assertThat(recorded(TracingConfiguration.sampler(true, 0.5), 10_000)).isBetween(4_750L, 5_250L);
    }
}
