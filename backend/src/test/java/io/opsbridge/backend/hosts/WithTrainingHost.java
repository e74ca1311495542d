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
     * One test class per profile: Quarkus keeps the app and its test resources for every class of
     * the same profile, so a second class would find the host its predecessor killed (and its
     * host training start answer 503 host-unreachable). Another killing test gets a subclass.
     */
    public static class Doomed extends WithTrainingHost {

        @Override
        public Map<String, String> getConfigOverrides() {
            // 10 s between stalled and failed: on a loaded 2-core machine the test's reads after the kill took
            // 4-5 s, and a 3 s window closed before it looked for "stalled"
            return Map.of("opsbridge.stall.training.stall-after", "2s",
                    "opsbridge.stall.training.fail-after", "12s");
        }
    }

    /** A host of its own for the test that restarts it (see {@link Doomed} for why). */
    public static class Restarted extends WithTrainingHost {
    }

    /** {@link Doomed} with a host of its own, for the browser test that kills it (see {@link Doomed} for why). */
    public static class DoomedInBrowser extends Doomed {
    }
}
