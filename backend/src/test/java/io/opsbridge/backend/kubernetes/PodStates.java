package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

/** Pod statuses as the kubelet and scheduler would write them, for tests that play the cluster. */
public final class PodStates {

    private PodStates() {
    }

    /** Pending: the scheduler found no node. */
    public static PodStatus unschedulable(String message) {
        return new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage(message).endCondition().build();
    }

    /** Pending: placed, its container waiting ({@code ImagePullBackOff}, {@code ContainerCreating}, …). */
    public static PodStatus waiting(String reason, String message) {
        return new PodStatusBuilder().withPhase("Pending").addNewContainerStatus().withName(TrainingJobSpec.CONTAINER)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .endContainerStatus().build();
    }

    /** Running at {@code ip}. */
    public static PodStatus running(String ip) {
        return new PodStatusBuilder().withPhase("Running").withPodIP(ip).addNewContainerStatus()
                .withName(TrainingJobSpec.CONTAINER).withReady(true).withNewState().withNewRunning().endRunning()
                .endState().endContainerStatus().build();
    }

    /** Ended with {@code exitCode}: Succeeded for 0, else Failed. */
    public static PodStatus exited(int exitCode, String reason, String message) {
        return new PodStatusBuilder().withPhase(exitCode == 0 ? "Succeeded" : "Failed").addNewContainerStatus()
                .withName(TrainingJobSpec.CONTAINER).withNewState().withNewTerminated().withExitCode(exitCode)
                .withReason(reason).withMessage(message).endTerminated().endState().endContainerStatus().build();
    }

    /** Failed by a disruption (drain, preemption, eviction): the condition the Job's failure policy ignores. */
    public static PodStatus disrupted(String reason) {
        return new PodStatusBuilder().withPhase("Failed").addNewCondition().withType("DisruptionTarget")
                .withStatus("True").withReason(reason).withMessage("evicted by the test").endCondition()
                .addNewContainerStatus().withName(TrainingJobSpec.CONTAINER).withNewState().withNewTerminated()
                .withExitCode(143).withReason("Error").endTerminated().endState().endContainerStatus().build();
    }
}
