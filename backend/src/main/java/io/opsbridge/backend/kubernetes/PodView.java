package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the backend reads of one pod of a training's Job: its phase, where its training host answers
 * (IP and the container port named {@code http}), why it is not running yet, how it ended.
 *
 * @param waiting  why a pod that is not running waits, in Kubernetes' words ({@code Unschedulable: 0/3 nodes…},
 *                 {@code ImagePullBackOff: …}); null when running
 * @param exitCode the training host's exit code once it ended; null before
 * @param ended    how it ended ({@code Error: …}, {@code DisruptionTarget: EvictionByEvictionAPI …}); null before
 */
record PodView(String name, Instant created, String phase, String ip, Integer port, boolean terminal, boolean disrupted,
        String waiting, Integer exitCode, String ended) {

    static PodView of(Pod pod) {
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String phase = status.getPhase() == null ? "Pending" : status.getPhase();
        Optional<PodCondition> disruption = condition(status, "DisruptionTarget").filter(c -> "True".equals(c.getStatus()));
        boolean terminal = "Succeeded".equals(phase) || "Failed".equals(phase)
                || pod.getMetadata().getDeletionTimestamp() != null;
        Optional<ContainerStateTerminated> done = containerStatuses(status).stream()
                .map(s -> s.getState() == null ? null : s.getState().getTerminated()).filter(Objects::nonNull).findFirst();
        String ended = disruption.map(c -> "DisruptionTarget: " + words(c.getReason(), c.getMessage()))
                .orElse(done.map(t -> words(t.getReason(), t.getMessage())).orElse(null));
        return new PodView(pod.getMetadata().getName(), created(pod), phase, blankToNull(status.getPodIP()), port(pod),
                terminal, disruption.isPresent(), waiting(status, phase), done.map(ContainerStateTerminated::getExitCode)
                        .orElse(null), ended);
    }

    /** Whether its training host can be called: running, with an IP and a port named {@code http}. */
    boolean answers() {
        return "Running".equals(phase) && !terminal && ip != null && port != null;
    }

    /** The base URL of its training host; null unless it {@link #answers}. */
    String url() {
        return answers() ? "http://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port : null;
    }

    private static String waiting(PodStatus status, String phase) {
        if (!"Pending".equals(phase)) {
            return null;
        }
        Optional<String> unscheduled = condition(status, "PodScheduled").filter(c -> "False".equals(c.getStatus()))
                .map(c -> words(c.getReason() == null ? "Unschedulable" : c.getReason(), c.getMessage()));
        Optional<String> container = containerStatuses(status).stream()
                .map(s -> s.getState() == null ? null : s.getState().getWaiting()).filter(Objects::nonNull)
                .map(w -> words(w.getReason(), w.getMessage())).findFirst();
        return unscheduled.or(() -> container).orElse("Pending");
    }

    private static Optional<PodCondition> condition(PodStatus status, String type) {
        return status.getConditions() == null ? Optional.empty()
                : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static List<ContainerStatus> containerStatuses(PodStatus status) {
        return status.getContainerStatuses() == null ? List.of() : status.getContainerStatuses();
    }

    private static Integer port(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return null;
        }
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream())
                .filter(p -> TrainingJobSpec.PORT_NAME.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(null);
    }

    private static Instant created(Pod pod) {
        String stamp = pod.getMetadata().getCreationTimestamp();
        return stamp == null ? Instant.EPOCH : Instant.parse(stamp);
    }

    private static String words(String reason, String message) {
        String r = reason == null || reason.isBlank() ? "Waiting" : reason;
        return message == null || message.isBlank() ? r : r + ": " + message;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
