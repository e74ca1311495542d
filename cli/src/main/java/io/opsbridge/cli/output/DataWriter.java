package io.opsbridge.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opsbridge.cli.client.OpsBridgeClient;

/**
 * Any answer as data for scripts, in the API's own names: pretty JSON, one JSON object per line
 * (a stream), or YAML (jackson-dataformat-yaml, the same data model as the JSON, so both say the
 * same). A stream in YAML is one document per record, each after a {@code ---} line.
 */
final class DataWriter {

    private static final ObjectWriter YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writer();

    private DataWriter() {
    }

    static String document(OutputFormat format, Object value) {
        try {
            return format == OutputFormat.yaml ? YAML.writeValueAsString(value).stripTrailing()
                    : OpsBridgeClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String record(OutputFormat format, Object value) {
        try {
            return format == OutputFormat.yaml ? "---\n" + YAML.writeValueAsString(value).stripTrailing()
                    : OpsBridgeClient.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
