package io.opsbridge.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationIds;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Job names are DNS-1123 labels made from operation ids (which hold '_' and upper case); label values fit too. */
class JobNamesTest {

    private static final String DNS_1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    @Test
    void anOperationIdBecomesALowerCaseDnsLabel() {
        String id = OperationIds.newId(OperationType.TRAINING, Instant.parse("2026-12-07T16:15:00.123Z"));

        String name = JobNames.jobName(id, 1);

        assertThat(id).contains("_");
        assertThat(name).matches(DNS_1123).hasSizeLessThanOrEqualTo(63).doesNotContain("_")
                .isEqualTo(id.toLowerCase().replace('_', '-'));
        assertThat(JobNames.jobName(id, 2)).matches(DNS_1123).isEqualTo(name + "-a2");
    }

    @Test
    void longOrOddIdsAreCutWithAHashAndStayDistinct() {
        Set<String> names = new HashSet<>();
        for (String id : new String[] {"op_training_" + "X".repeat(80), "op_training_" + "X".repeat(81),
                "__Op__With__Many__Underscores__", "-leading-and-trailing-", "ÄÖÜ_op", "_"}) {
            String name = JobNames.jobName(id, 7);
            assertThat(name).as(id).matches(DNS_1123).hasSizeLessThanOrEqualTo(63).endsWith("-a7");
            assertThat(JobNames.isDnsLabel(name)).isTrue();
            names.add(name);
        }
        assertThat(names).hasSize(6);
    }

    @Test
    void labelValuesKeepUnderscoresAndFit() {
        assertThat(JobNames.labelValue("op_training_20261207T161500123_0a1b2c3d"))
                .isEqualTo("op_training_20261207T161500123_0a1b2c3d");
        String cut = JobNames.labelValue("_" + "a".repeat(100) + "/");
        assertThat(JobNames.isLabelValue(cut)).isTrue();
        assertThat(cut).hasSizeLessThanOrEqualTo(63);
        assertThat(JobNames.isLabelValue(JobNames.labelValue("my strategy!"))).isTrue();
    }

    @Test
    void notEveryNameIsALabel() {
        assertThat(JobNames.isDnsLabel("Op-1")).isFalse();
        assertThat(JobNames.isDnsLabel("op_1")).isFalse();
        assertThat(JobNames.isDnsLabel("-op")).isFalse();
        assertThat(JobNames.isDnsLabel("a".repeat(64))).isFalse();
        assertThat(JobNames.isDnsLabel("op-1")).isTrue();
    }
}
