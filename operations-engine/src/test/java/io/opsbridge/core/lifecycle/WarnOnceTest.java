package io.opsbridge.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarnOnceTest {

    private final List<String> logged = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final WarnOnce warnings = new WarnOnce(logged::add, nanos::get);

    @Test
    void theSameLineFoundOnEveryReadIsSaidOnceAndAgainOnlyAfterTheQuietTime() {
        for (int read = 0; read < 50; read++) {
            warnings.warn("operation %s: not resumed, it has had %d attempts (max-attempts %d)", "op_a", 3, 3);
        }
        warnings.warn("operation %s: not resumed, it has had %d attempts (max-attempts %d)", "op_b", 3, 3);
        warnings.warn("operation %s: not resumed, it has had %d attempts (max-attempts %d)", "op_a", 4, 4);

        assertThat(logged).containsExactly("operation op_a: not resumed, it has had 3 attempts (max-attempts 3)",
                "operation op_b: not resumed, it has had 3 attempts (max-attempts 3)",
                "operation op_a: not resumed, it has had 4 attempts (max-attempts 4)");

        nanos.addAndGet(WarnOnce.QUIET.toNanos() - 1);
        warnings.warn("operation %s: not resumed, it has had %d attempts (max-attempts %d)", "op_a", 3, 3);
        assertThat(logged).hasSize(3);
        nanos.addAndGet(2);
        warnings.warn("operation %s: not resumed, it has had %d attempts (max-attempts %d)", "op_a", 3, 3);
        assertThat(logged).hasSize(4).last().isEqualTo(logged.get(0));
    }
}
