package io.opsbridge.backend.hosts;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The backend in host mode, pointed at a real training host process of its own. */
public class WithTrainingHost implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TrainingHostProcess.class));
    }

    /**
     * A second, separate host for the test that kills its host, with short stall limits: an
     * unreachable host is {@code stalled} after 2 s and its training {@code failed} after 5 s.
     */
    public static class Doomed extends WithTrainingHost {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.stall.training.stall-after", "2s",
                    "opsbridge.stall.training.fail-after", "5s");
        }
    }
}
