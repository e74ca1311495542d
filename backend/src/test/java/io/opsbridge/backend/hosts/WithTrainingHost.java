package io.opsbridge.backend.hosts;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The backend in host mode, pointed at a real training host process of its own. */
public class WithTrainingHost implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TrainingHostProcess.class));
    }

    /** A second, separate host for the test that kills its host. */
    public static class Doomed extends WithTrainingHost {
    }
}
